// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice Slot 1 of a project's pool: the latest financing confirmation and the due dates of the debt.
///
/// Layout (one storage word, bits 240..255 unused):
///
///   255  240 239          200 199        160 159                64 63                 0
///   [ ---- ][  oldestDueAt  ][    dueAt    ][      financed      ][  confirmationId  ]
///
/// - confirmationId: the latest confirmation that financed this project (ids are sequential, < 2^64);
/// - financed: financed for `confirmationId` so far (a fraction of the shareholders' value, < 2^96);
/// - dueAt: when the financing of `confirmationId` is due (its first financing + the repayment term), Unix seconds;
/// - oldestDueAt: due date of the oldest financing since the debt was last zero (0 = no debt), Unix seconds.
type PoolEpoch is uint256;

using PoolEpochLib for PoolEpoch global;

/// @notice Read and write {PoolEpoch}; nothing else shifts its bits.
library PoolEpochLib {
    uint256 private constant _OLDEST_DUE_AT_MASK = uint256(type(uint40).max) << 200;

    /// @notice The epoch of the first financing of confirmation `id`. Requirements: the bounds in {PoolEpoch}'s
    /// layout (callers check them; `id` is cut to 64 bits).
    function pack(
        uint256 id,
        uint256 amount,
        uint256 due,
        uint256 oldestDue
    ) internal pure returns (PoolEpoch) {
        return PoolEpoch.wrap(uint64(id) | (amount << 64) | (due << 160) | (oldestDue << 200));
    }

    function confirmationId(PoolEpoch epoch) internal pure returns (uint256) {
        return uint64(PoolEpoch.unwrap(epoch));
    }

    function financed(PoolEpoch epoch) internal pure returns (uint256) {
        return uint96(PoolEpoch.unwrap(epoch) >> 64);
    }

    function dueAt(PoolEpoch epoch) internal pure returns (uint256) {
        return uint40(PoolEpoch.unwrap(epoch) >> 160);
    }

    function oldestDueAt(PoolEpoch epoch) internal pure returns (uint256) {
        return uint40(PoolEpoch.unwrap(epoch) >> 200);
    }

    /// @notice `epoch` with `amount` more financed. Requirements: financed + `amount` < 2^96 (not checked: hot path).
    function withMoreFinanced(PoolEpoch epoch, uint256 amount) internal pure returns (PoolEpoch) {
        unchecked {
            return PoolEpoch.wrap(PoolEpoch.unwrap(epoch) + (amount << 64));
        }
    }

    /// @notice `epoch` with oldestDueAt `at`. Requirements: `at` < 2^40.
    function withOldestDueAt(PoolEpoch epoch, uint256 at) internal pure returns (PoolEpoch) {
        return PoolEpoch.wrap((PoolEpoch.unwrap(epoch) & ~_OLDEST_DUE_AT_MASK) | ((at << 200) & _OLDEST_DUE_AT_MASK));
    }
}
