// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice One entry of a supplier's reverse index: an accepted listing of the supplier in a (project, component)
/// pair, with what the failover needs so that it does not read the component's record.
///
/// Layout (64 bits; four entries share a storage slot of a `PairEntry[]`, entry i at bits 64 * (i % 4)):
///
///   63              32 31            16 15        8 7              0
///   [   projectId    ][  componentId  ][ position ][ substituteCount ]
///
/// - projectId < 2^32 and componentId < 2^16 (checked when the component is defined); bits 16..63 together are
///   the component's key `projectId << 16 | componentId`;
/// - position: the supplier's place in the component (0 = primary, i = the i-th substitute);
/// - substituteCount: the component's substitutes, 1..8, so a zero entry is never a stored one.
type PairEntry is uint64;

using PairEntryLib for PairEntry global;

/// @notice Pack and unpack {PairEntry}; nothing else shifts its bits.
library PairEntryLib {
    /// @notice The entry of a listing. Requirements: the bounds in {PairEntry}'s layout (callers check them).
    function pack(
        uint256 projectId_,
        uint256 componentId_,
        uint256 position_,
        uint256 substituteCount_
    ) internal pure returns (PairEntry) {
        return
            PairEntry.wrap(uint64((projectId_ << 32) | (componentId_ << 16) | (position_ << 8) | substituteCount_));
    }

    /// @notice The entry stored at bits `64 * (index % 4)` of a raw storage word of a `PairEntry[]`.
    function fromWord(uint256 word, uint256 index) internal pure returns (PairEntry) {
        return PairEntry.wrap(uint64(word >> ((index & 3) << 6)));
    }

    function projectId(PairEntry entry) internal pure returns (uint256) {
        return PairEntry.unwrap(entry) >> 32;
    }

    function componentId(PairEntry entry) internal pure returns (uint256) {
        return uint16(PairEntry.unwrap(entry) >> 16);
    }

    /// @notice The component's key `projectId << 16 | componentId`.
    function componentKey(PairEntry entry) internal pure returns (uint256) {
        return PairEntry.unwrap(entry) >> 16;
    }

    function position(PairEntry entry) internal pure returns (uint256) {
        return uint8(PairEntry.unwrap(entry) >> 8);
    }

    function substituteCount(PairEntry entry) internal pure returns (uint256) {
        return uint8(PairEntry.unwrap(entry));
    }
}
