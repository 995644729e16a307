// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { IERC20 } from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice Storage, calldata and view types of the RDEscrow.
/// @dev Amounts are uint128 (in units of the token's decimals), timestamps uint40 (Unix seconds). The slot
/// layout is chosen per hot path: `fund` touches slots 1 and 3, `approveMilestone` slots 1, 2 and 3 plus the
/// milestone's slot 1, `disburse` slots 0 and 1 plus the milestone's slot 0.
library EscrowTypes {
    /// @notice Lifecycle of a project. `None` marks an id that was never created.
    enum ProjectStatus {
        None,
        Active,
        Completed,
        Failed,
        Cancelled
    }

    /// @notice Development stage of a milestone; within a project stages never go backwards.
    enum Stage {
        Research,
        Pilot,
        Market
    }

    /// @notice Lifecycle of a milestone: Pending -> Submitted -> Approved | Rejected; Rejected -> Submitted.
    enum MilestoneStatus {
        Pending,
        Submitted,
        Approved,
        Rejected
    }

    /// @notice What a disbursement pays for.
    enum Category {
        Equipment,
        Materials,
        Personnel,
        Services,
        Other
    }

    /// @notice A milestone as given to `createProject`.
    struct MilestoneInput {
        uint128 budget; // in units of the token's decimals, > 0
        uint40 deadline; // Unix seconds; strictly increasing, in the future
        Stage stage; // never lower than the previous milestone's stage
    }

    /// @notice A milestone in storage.
    /// @dev The Approved status is not written: milestones are approved in order, so a milestone is Approved
    /// exactly when its index is below the project's `approvedCount` (saves a store on every approval).
    struct Milestone {
        // slot 0 (read and written by `disburse`)
        uint128 budget;
        uint128 paid;
        // slot 1 (read by `approveMilestone`, written by `submitMilestone` and `rejectMilestone`)
        uint128 cumulativeBudget; // sum of the budgets of this and every earlier milestone
        uint40 deadline;
        Stage stage;
        MilestoneStatus status; // Pending, Submitted or Rejected (see the note on Approved above)
        // slot 2
        bytes32 evidenceHash; // of the latest submission
    }

    /// @notice A financier's position in one project. Packing: 128 + 8 = 136 bits, one slot.
    struct Position {
        // slot 0
        uint128 contributed; // sum of what the escrow received from this financier
        bool refundClaimed;
    }

    /// @notice A project in storage.
    struct Project {
        // slot 0
        address firm;
        // slot 1
        IERC20 token;
        ProjectStatus status;
        uint8 milestoneCount; // 1..32
        uint8 approvedCount; // milestones [0, approvedCount) are Approved
        // slot 2
        address verifier;
        // slot 3
        uint128 funded; // total received from financiers
        uint128 target; // sum of the milestone budgets; `funded` never exceeds it
        // slot 4 (written once the project closes)
        uint128 refundable; // funded - disbursed at closing: what financiers share pro rata
        uint128 refunded; // refunds paid so far
        // slot 5
        uint128 claimedContributions; // sum of the contributions whose refunds were claimed
        // slot 6
        bytes32 metadataHash;
        // slots 7..102
        Milestone[32] milestones;
        // slot 103 (mapping root)
        mapping(address financier => Position) positions;
    }

    /// @notice A project summary for the dashboard, with the money totals.
    struct ProjectView {
        address firm;
        ProjectStatus status;
        uint8 milestoneCount;
        uint8 approvedCount;
        address verifier;
        IERC20 token;
        bytes32 metadataHash;
        uint256 target;
        uint256 funded;
        uint256 disbursed;
        uint256 refunded;
        uint256 held; // funded - disbursed - refunded: what the escrow holds for this project
        uint256 refundable; // what financiers share pro rata once the project closed (0 while active)
    }

    /// @notice A milestone for the dashboard.
    struct MilestoneView {
        uint256 budget;
        uint256 paid;
        uint256 remaining; // budget - paid
        uint40 deadline;
        Stage stage;
        MilestoneStatus status;
        bytes32 evidenceHash;
    }
}
