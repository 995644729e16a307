// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { Vm } from "./Vm.sol";

/// @notice Minimal base for Solidity tests: the cheatcode handle, assertions that revert with the
/// values that differed, and `bound` for fuzz inputs.
abstract contract BaseTest {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    error AssertionFailed(string what);
    error AssertionFailedUint(string what, uint256 left, uint256 right);
    error AssertionFailedAddress(string what, address left, address right);

    function assertTrue(bool condition, string memory what) internal pure {
        if (!condition) revert AssertionFailed(what);
    }

    function assertEq(uint256 left, uint256 right, string memory what) internal pure {
        if (left != right) revert AssertionFailedUint(what, left, right);
    }

    function assertEq(address left, address right, string memory what) internal pure {
        if (left != right) revert AssertionFailedAddress(what, left, right);
    }

    function assertLe(uint256 left, uint256 right, string memory what) internal pure {
        if (left > right) revert AssertionFailedUint(what, left, right);
    }

    function assertLt(uint256 left, uint256 right, string memory what) internal pure {
        if (left >= right) revert AssertionFailedUint(what, left, right);
    }

    /// @dev Maps `x` into [min, max] without rejecting inputs (keeps fuzz runs productive).
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        if (min > max) revert AssertionFailed("bound: min > max");
        if (min == 0 && max == type(uint256).max) return x;
        return min + (x % (max - min + 1));
    }
}
