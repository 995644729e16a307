// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice One word of current-supplier codes: the current supplier of 64 components of one project, 4 bits each.
///
/// Layout (component c of project p lives in the word keyed `p << 10 | (c - 1) / 64`, at bits 4 * ((c - 1) % 64)):
///
///   255     252        ...         7      4 3      0
///   [ code 63 ]        ...         [ code 1 ][ code 0 ]
///
/// A code is 1 + the current supplier's index (index 0 = the primary, i = the i-th substitute; so 1..9); code 0 =
/// no such component. The definition writes code 1, so a word is never zero once it holds a component and a
/// failover rewrites a set slot (2,900 gas) instead of filling an empty one (20,000).
type SupplierCodes is uint256;

using SupplierCodesLib for SupplierCodes global;

/// @notice Read and write {SupplierCodes}; nothing else shifts its bits.
library SupplierCodesLib {
    /// @notice The word key and bit offset of component `componentId` (from 1) of `projectId`.
    function locate(uint256 projectId, uint256 componentId) internal pure returns (uint256 wordKey, uint256 shift) {
        // Unchecked: component ids start at 1; callers pass an existing component's id (or one read from the
        // reverse index), so componentId - 1 does not underflow.
        unchecked {
            wordKey = (projectId << 10) | ((componentId - 1) >> 6);
            shift = ((componentId - 1) & 63) << 2;
        }
    }

    /// @notice The supplier index held at bit `shift`: its code minus one (wraps for code 0, which no defined
    /// component has).
    function indexAt(SupplierCodes codes, uint256 shift) internal pure returns (uint256) {
        unchecked {
            return ((SupplierCodes.unwrap(codes) >> shift) & 0xf) - 1;
        }
    }

    /// @notice `codes` with supplier index `index` (<= 8) stored at bit `shift`, as code `index + 1`.
    function withIndex(SupplierCodes codes, uint256 shift, uint256 index) internal pure returns (SupplierCodes) {
        unchecked {
            uint256 cleared = SupplierCodes.unwrap(codes) & ~(uint256(0xf) << shift);
            return SupplierCodes.wrap(cleared | ((index + 1) << shift));
        }
    }
}
