// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice Slot 0 of a project's pool ({SupplyChainTypes.Pool}): the shareholders' money, liquid and lent.
///
/// Layout (one storage word):
///
///   255            128 127              0
///   [   shareDebt    ][      cash       ]
///
/// - cash: liquid tokens owned by the shareholders (unused liquidity + their part of repayments);
/// - shareDebt: the shareholders' part of outstanding financing (the rest, `claimDebt`, is the claimants').
/// The pool keeps cash + shareDebt < 2^96 (checked by `commit`), so sums of the two never overflow a half.
type PoolFunds is uint256;

using PoolFundsLib for PoolFunds global;

/// @notice Read and write {PoolFunds}; nothing else shifts its bits.
library PoolFundsLib {
    uint256 private constant _HALF = 0xffffffffffffffffffffffffffffffff; // (1 << 128) - 1

    function cash(PoolFunds funds) internal pure returns (uint256) {
        return uint128(PoolFunds.unwrap(funds));
    }

    function shareDebt(PoolFunds funds) internal pure returns (uint256) {
        return PoolFunds.unwrap(funds) >> 128;
    }

    /// @notice `funds` with cash `amount`. Requirements: `amount` < 2^128.
    function withCash(PoolFunds funds, uint256 amount) internal pure returns (PoolFunds) {
        return PoolFunds.wrap((PoolFunds.unwrap(funds) & ~_HALF) | (amount & _HALF));
    }

    /// @notice `funds` with shareDebt `amount`. Requirements: `amount` < 2^128.
    function withShareDebt(PoolFunds funds, uint256 amount) internal pure returns (PoolFunds) {
        return PoolFunds.wrap((PoolFunds.unwrap(funds) & _HALF) | (amount << 128));
    }

    /// @notice `funds` with `advance` moved from cash to shareDebt (a financing). Requirements: `advance` <= cash
    /// (so, with cash + shareDebt < 2^96, neither half over- or underflows; not checked: hot path).
    function withFinancing(PoolFunds funds, uint256 advance) internal pure returns (PoolFunds) {
        unchecked {
            return PoolFunds.wrap((PoolFunds.unwrap(funds) + (advance << 128)) - advance);
        }
    }
}
