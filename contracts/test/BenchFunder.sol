// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { IERC20 } from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import { SafeERC20 } from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import { IRDEscrow } from "../interfaces/IRDEscrow.sol";

/// @notice Bench-only batching financier (scripts/bench/history.ts): holds stablecoin, approves the escrow once and
/// makes many real `RDEscrow.fund` calls in one transaction, so that one transaction emits many real `Funded` events
/// (and the token's Transfers) — a long history without one transaction per event. It is itself the financier of
/// what it funds. Never deployed outside the benchmarks.
contract BenchFunder {
    using SafeERC20 for IERC20;

    /// @notice Most `fund` calls per transaction (a bound on the loop; 500 fit well inside a block's gas).
    uint256 public constant MAX_CALLS = 500;

    IRDEscrow public immutable escrow;

    error BenchFunder_TooManyCalls(uint256 calls, uint256 max);

    /// @param escrow_ The escrow to fund.
    /// @param token The project's stablecoin, approved to the escrow without limit.
    constructor(IRDEscrow escrow_, IERC20 token) {
        escrow = escrow_;
        token.forceApprove(address(escrow_), type(uint256).max);
    }

    /// @notice Funds project `projectId` with `amount`, `calls` times (`calls` Funded events).
    function fundMany(uint256 projectId, uint256 amount, uint256 calls) external {
        if (calls > MAX_CALLS) revert BenchFunder_TooManyCalls(calls, MAX_CALLS);
        for (uint256 i = 0; i < calls; ++i) {
            escrow.fund(projectId, amount);
        }
    }
}
