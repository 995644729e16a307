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

    /// @notice What a disbursement pays for: the statutory categories of R&D expenses of the super-deduction
    /// (财税〔2015〕119号 第一条, items 1-6; entrusted R&D at home and abroad, 财税〔2018〕64号), see docs/RD-LEDGER.md.
    enum Category {
        Personnel, // 1 人员人工费用
        DirectInputs, // 2 直接投入费用
        Depreciation, // 3 折旧费用
        Amortisation, // 4 无形资产摊销
        NewProductDesign, // 5 新产品设计费等
        OtherRelated, // 6 其他相关费用 (capped at items 1-5 x 10% / 90%)
        EntrustedDomestic, // 委托境内研发 (80% counts)
        EntrustedAbroad, // 委托境外研发 (80%, at most 2/3 of the domestic qualifying expenses)
        NonQualifying // not a qualifying R&D expense
    }

    /// @notice How a milestone's payments are accounted for: expensed (费用化) or capitalised (资本化) as an
    /// intangible asset. Research-stage spending is always expensed (企业会计准则第6号).
    enum Accounting {
        Expensed,
        Capitalised
    }

    /// @notice The form of a project's R&D (研发形式).
    enum RdForm {
        Independent, // 自主研发
        Entrusted, // 委托研发
        Cooperative, // 合作研发
        Centralised // 集中研发
    }

    /// @notice The top-level category of the Green Bond Endorsed Projects Catalogue (2021), or None.
    enum GreenCategory {
        None,
        EnergySavingEnvironmental, // 节能环保产业
        CleanerProduction, // 清洁生产产业
        CleanEnergy, // 清洁能源产业
        EcologicalEnvironment, // 生态环境产业
        GreenInfrastructure, // 基础设施绿色升级
        GreenServices // 绿色服务
    }

    /// @notice How a project is classified for the R&D ledger and the green-finance report.
    struct ProjectProfile {
        RdForm rdForm;
        GreenCategory greenCategory;
    }

    /// @notice A milestone as given to `createProject`.
    struct MilestoneInput {
        uint128 budget; // in units of the token's decimals, > 0
        uint40 deadline; // Unix seconds; strictly increasing, in the future
        Stage stage; // never lower than the previous milestone's stage
        Accounting accounting; // Expensed or Capitalised; a Research-stage milestone is Expensed
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

    /// @notice A financier's position in one project. Packing: 128 + 8 + 8 = 144 bits, one slot.
    struct Position {
        // slot 0
        uint128 contributed; // sum of what the escrow received from this financier
        bool refundClaimed;
        bool fiscalFunds; // flagged by the financier as fiscal funds the firm treats as non-taxable income
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
