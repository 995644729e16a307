// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { IERC20 } from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import { EscrowTypes } from "../types/EscrowTypes.sol";
import { IDisruptionOracle } from "./IDisruptionOracle.sol";
import { IProjectPayees } from "./IProjectPayees.sol";

/// @title IRDEscrow
/// @notice One escrow holding many R&D projects (a singleton with ids starting at 1). Financiers fund a project in
/// its ERC-20 token; money leaves only from milestones the project's verifier approved, in payments that name the
/// payee (the firm or a supplier the SupplyChainRegistry lists for the project), a category and an invoice hash
/// that is paid at most once per payee across the whole contract. No payee the DisruptionOracle holds disrupted is
/// paid, except an invoice the project's verifier released to it. A missed deadline or a cancellation fails the
/// project, the firm completes it, or, when the firm does not, anyone closes it once `CLOSE_GRACE_PERIOD` has
/// passed after its last deadline; then the financiers pull their pro-rata share of what is unspent.
/// @dev Token movements emit exactly one of {Funded}, {Disbursed}, {Refunded}; for every project
/// `held = Σ Funded − Σ Disbursed − Σ Refunded` (see docs/EVENTS.md).
///
/// Notes:
/// - Fee-on-transfer tokens: funding credits what the escrow's balance actually grew by (the balance delta),
/// never the amount asked for, so the accounting stays exact. Outgoing payments send the named amount; whatever a
/// token deducts on the way is the recipient's loss, and the escrow's balance still drops by that amount.
/// - Over-funding is refused (not capped): `fund` reverts with {Errors.RDEscrow_OverFunding} carrying the room left.
/// - Rounding dust of refunds goes to the last claimer: each claim pays `refundable × contribution / funded`
/// rounded down, except the claim that completes the set of claimed contributions, which pays exactly what is
/// left (`refundable − refunded`). The refunds of a project therefore sum exactly to its `refundable`. Whatever a
/// financier never claims stays in the escrow, visible as the project's `held` amount.
interface IRDEscrow {
    /*//////////////////////////////////////////////////////////////////////////
                                       EVENTS
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice Emitted when a firm creates a project.
    /// @param projectId The new project's id.
    /// @param firm The firm running the project (the caller).
    /// @param verifier The account that approves or rejects milestones.
    /// @param token The ERC-20 token the project is funded and paid in.
    /// @param target The sum of the milestone budgets, in units of the token's decimals.
    /// @param metadataHash Hash of the project's description document.
    /// @param milestones The milestones as given (budget, deadline in Unix seconds, stage, accounting).
    event ProjectCreated(
        uint256 indexed projectId,
        address indexed firm,
        address indexed verifier,
        IERC20 token,
        uint256 target,
        bytes32 metadataHash,
        EscrowTypes.MilestoneInput[] milestones
    );

    /// @notice Emitted with {ProjectCreated}: how the project is classified for the R&D ledger and green report.
    /// @param projectId The new project's id.
    /// @param rdForm The form of the project's R&D (自主 / 委托 / 合作 / 集中研发).
    /// @param greenCategory The project's top-level green category (2021 catalogue), or None.
    event ProjectClassified(
        uint256 indexed projectId,
        EscrowTypes.RdForm rdForm,
        EscrowTypes.GreenCategory greenCategory
    );

    /// @notice Emitted when a financier flags its contribution to a project as fiscal funds the firm treats as
    /// non-taxable income (不征税收入): the payments attributed to it pro rata do not count for the R&D
    /// super-deduction (docs/RD-LEDGER.md). The flag covers the whole contribution, before and after it.
    /// @param projectId The project.
    /// @param financier The financier (the caller).
    /// @param contributed The financier's contribution when it flagged it, in units of the token's decimals.
    event FiscalFundsFlagged(uint256 indexed projectId, address indexed financier, uint256 contributed);

    /// @notice Emitted when a financier's tokens move into the escrow for a project.
    /// @param projectId The project funded.
    /// @param financier The account the tokens came from.
    /// @param amount What the escrow received, in units of the token's decimals.
    event Funded(uint256 indexed projectId, address indexed financier, uint256 amount);

    /// @notice Emitted when the firm submits evidence for a milestone.
    /// @param projectId The project.
    /// @param milestoneIndex The milestone's index (from 0).
    /// @param evidenceHash Hash of the evidence document.
    event MilestoneSubmitted(uint256 indexed projectId, uint256 indexed milestoneIndex, bytes32 evidenceHash);

    /// @notice Emitted when the verifier approves a submitted milestone; its budget becomes payable.
    /// @param projectId The project.
    /// @param milestoneIndex The milestone's index (from 0).
    event MilestoneApproved(uint256 indexed projectId, uint256 indexed milestoneIndex);

    /// @notice Emitted when the verifier rejects a submitted milestone.
    /// @param projectId The project.
    /// @param milestoneIndex The milestone's index (from 0).
    /// @param reasonHash Hash of the verifier's reasons.
    event MilestoneRejected(uint256 indexed projectId, uint256 indexed milestoneIndex, bytes32 reasonHash);

    /// @notice Emitted when tokens move from the escrow to a payee, on the firm's instruction.
    /// @param projectId The project paying.
    /// @param payee The firm or a registered supplier.
    /// @param amount In units of the token's decimals.
    /// @param milestoneIndex The approved milestone whose budget pays.
    /// @param category What the payment is for.
    /// @param invoiceHash Hash of the invoice; paid at most once per payee across the contract.
    event Disbursed(
        uint256 indexed projectId,
        address indexed payee,
        uint256 amount,
        uint256 indexed milestoneIndex,
        EscrowTypes.Category category,
        bytes32 invoiceHash
    );

    /// @notice Emitted when a project fails because a milestone's deadline passed without approval.
    /// @param projectId The project.
    /// @param milestoneIndex The milestone that missed its deadline.
    /// @param refundable What the financiers now share pro rata (funded − disbursed).
    event ProjectFailed(uint256 indexed projectId, uint256 indexed milestoneIndex, uint256 refundable);

    /// @notice Emitted when the firm cancels its project.
    /// @param projectId The project.
    /// @param refundable What the financiers now share pro rata (funded − disbursed).
    event ProjectCancelled(uint256 indexed projectId, uint256 refundable);

    /// @notice Emitted when the firm completes its project after every milestone was approved.
    /// @param projectId The project.
    /// @param refundable The unspent remainder the financiers now share pro rata (funded − disbursed).
    event ProjectCompleted(uint256 indexed projectId, uint256 refundable);

    /// @notice Emitted when anyone closes a project whose milestones are all approved but whose firm did not
    /// complete it within `CLOSE_GRACE_PERIOD` after the last deadline. The project is Completed.
    /// @param projectId The project.
    /// @param closedBy The account that closed it (anyone; also the firm).
    /// @param refundable The unspent remainder, approved-but-unpaid budget included, that the financiers now share
    /// pro rata (funded − disbursed).
    event ProjectClosedAfterGracePeriod(uint256 indexed projectId, address indexed closedBy, uint256 refundable);

    /// @notice Emitted when the verifier releases one invoice to a payee the oracle holds disrupted (goods
    /// delivered before the disruption); the firm may then pay that invoice once during this disruption.
    /// @param projectId The project.
    /// @param payee The disrupted payee.
    /// @param invoiceHash The invoice released.
    /// @param confirmationId The oracle confirmation of the disruption the release is valid for.
    event InvoiceReleased(
        uint256 indexed projectId,
        address indexed payee,
        bytes32 invoiceHash,
        uint256 confirmationId
    );

    /// @notice Emitted when the verifier hands its role to a successor it named.
    /// @param projectId The project.
    /// @param previousVerifier The verifier that handed over (the caller).
    /// @param newVerifier The successor, who approves and rejects milestones from now on.
    event VerifierTransferred(uint256 indexed projectId, address indexed previousVerifier, address indexed newVerifier);

    /// @notice Emitted when tokens move from the escrow back to a financier of a closed project.
    /// @param projectId The project.
    /// @param financier The financier refunded.
    /// @param amount In units of the token's decimals (may be 0 when the pro-rata share rounds to nothing).
    event Refunded(uint256 indexed projectId, address indexed financier, uint256 amount);

    /*//////////////////////////////////////////////////////////////////////////
                                     READ-ONLY
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice The maximum number of milestones of a project.
    function MAX_MILESTONES() external view returns (uint256);

    /// @notice Seconds after a project's last milestone deadline from which anyone may close a project whose
    /// milestones are all approved (30 days): the firm has that long to pay approved budget and complete it.
    function CLOSE_GRACE_PERIOD() external view returns (uint256);

    /// @notice The registry that lists the suppliers each project may pay: the only account that may change a
    /// project's payee set ({setProjectPayee}).
    function registry() external view returns (IProjectPayees);

    /// @notice The disruption oracle; a supplier it holds disrupted is not paid (see {disburse}).
    function oracle() external view returns (IDisruptionOracle);

    /// @notice The number of projects created; ids run from 1 to this number.
    function projectCount() external view returns (uint256);

    /// @notice The firm running a project.
    /// @dev Reverts with {Errors.RDEscrow_ProjectNotFound} for an unknown id.
    /// @param projectId The project's id.
    /// @return firm The firm's address.
    function projectFirm(uint256 projectId) external view returns (address firm);

    /// @notice The ERC-20 token a project is funded and paid in.
    /// @dev Reverts with {Errors.RDEscrow_ProjectNotFound} for an unknown id.
    /// @param projectId The project's id.
    /// @return token The token.
    function projectToken(uint256 projectId) external view returns (IERC20 token);

    /// @notice A project's lifecycle status: `None` for an id never created (never reverts). The contingency pool
    /// reads it on its hot path (one slot), to finance and take commitments only while the project is Active.
    /// @param projectId The project's id.
    /// @return status The status.
    function projectStatus(uint256 projectId) external view returns (EscrowTypes.ProjectStatus status);

    /// @notice A project's summary with its money totals (funded, disbursed, refunded, held, refundable).
    /// @dev Reverts with {Errors.RDEscrow_ProjectNotFound} for an unknown id.
    /// @param projectId The project's id.
    function getProject(uint256 projectId) external view returns (EscrowTypes.ProjectView memory);

    /// @notice Every milestone of a project, in order.
    /// @dev Reverts with {Errors.RDEscrow_ProjectNotFound} for an unknown id.
    /// @param projectId The project's id.
    function getMilestones(uint256 projectId) external view returns (EscrowTypes.MilestoneView[] memory);

    /// @notice A financier's position in a project.
    /// @dev Reverts with {Errors.RDEscrow_ProjectNotFound} for an unknown id.
    /// @param projectId The project's id.
    /// @param financier The financier.
    /// @return contributed What the escrow received from the financier, in units of the token's decimals.
    /// @return claimable The refund `claimRefund` would pay now (0 while the project is active or once claimed).
    /// @return refundClaimed Whether the financier already claimed the refund.
    function getPosition(
        uint256 projectId,
        address financier
    ) external view returns (uint256 contributed, uint256 claimable, bool refundClaimed);

    /// @notice Whether a financier flagged its contribution to a project as non-taxable fiscal funds.
    /// @param projectId The project's id.
    /// @param financier The financier.
    function isFiscalFunds(uint256 projectId, address financier) external view returns (bool);

    /// @notice Whether `account` may be paid by the project besides its firm: a supplier the firm added, or one that
    /// accepted a listing in one of the project's components, and not removed since (see {setProjectPayee}).
    /// @dev The registry's {IProjectPayees.isProjectPayee} answers the same (it reads this).
    /// @param projectId The project's id.
    /// @param account The would-be payee.
    function isProjectPayee(uint256 projectId, address account) external view returns (bool);

    /// @notice Whether the payee's invoice was already paid, by any project.
    /// @param payee The payee that issued the invoice.
    /// @param invoiceHash The invoice hash.
    function isInvoicePaid(address payee, bytes32 invoiceHash) external view returns (bool);

    /// @notice Whether the verifier's release of the payee's invoice is valid now: made during the payee's current
    /// disruption and not consumed by a payment yet.
    /// @param projectId The project.
    /// @param payee The disrupted payee.
    /// @param invoiceHash The invoice hash.
    function isInvoiceReleased(uint256 projectId, address payee, bytes32 invoiceHash) external view returns (bool);

    /// @notice The moment (Unix seconds) after which anyone may close the project with {closeAfterGracePeriod}:
    /// its last milestone's deadline plus `CLOSE_GRACE_PERIOD`.
    /// @dev Reverts with {Errors.RDEscrow_ProjectNotFound} for an unknown id.
    /// @param projectId The project's id.
    function closableAfter(uint256 projectId) external view returns (uint256);

    /*//////////////////////////////////////////////////////////////////////////
                                   STATE-CHANGING
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice Creates a project run by the caller, with its milestones. The target is the sum of the budgets.
    /// @dev Emits a {ProjectCreated} event.
    ///
    /// Requirements:
    /// - `token` is a contract;
    /// - `verifier` is neither zero nor the caller;
    /// - 1 to `MAX_MILESTONES` milestones, each with a budget above zero;
    /// - deadlines strictly increase, the first one after the current block's timestamp;
    /// - stages never go backwards (Research → Pilot → Market);
    /// - no Research-stage milestone is capitalised;
    /// - the sum of the budgets fits in 128 bits.
    /// Also emits a {ProjectClassified} event with the profile.
    /// @param token The ERC-20 token the project is funded and paid in.
    /// @param verifier The account that approves or rejects milestones.
    /// @param metadataHash Hash of the project's description document.
    /// @param profile The project's R&D form and green category (for the R&D ledger and the green report).
    /// @param milestones Budget (units of the token's decimals), deadline (Unix seconds), stage and accounting
    /// (expensed or capitalised) of each milestone.
    /// @return projectId The new project's id.
    function createProject(
        IERC20 token,
        address verifier,
        bytes32 metadataHash,
        EscrowTypes.ProjectProfile calldata profile,
        EscrowTypes.MilestoneInput[] calldata milestones
    ) external returns (uint256 projectId);

    /// @notice Moves `amount` tokens from the caller into the project's escrow (the caller must have approved it).
    /// @dev Emits a {Funded} event with the amount actually received.
    ///
    /// Notes:
    /// - The amount credited is the escrow's balance delta, so fee-on-transfer tokens are accounted exactly.
    ///
    /// Requirements:
    /// - the project exists and is Active;
    /// - `amount` is above zero and at most `target − funded`;
    /// - the escrow's balance grows.
    /// @param projectId The project to fund.
    /// @param amount In units of the token's decimals.
    /// @return received What the escrow received and credited to the caller.
    function fund(uint256 projectId, uint256 amount) external returns (uint256 received);

    /// @notice Like {fund}, with an EIP-2612 permit for the escrow, in one transaction.
    /// @dev A permit that fails (for example because someone front-ran it and it was already used) is ignored;
    /// the transfer then goes through if the allowance is there, and reverts in the token otherwise.
    /// Emits a {Funded} event.
    /// @param projectId The project to fund.
    /// @param amount In units of the token's decimals; also the permit's value.
    /// @param deadline The permit's deadline, Unix seconds.
    /// @param v Signature part.
    /// @param r Signature part.
    /// @param s Signature part.
    /// @return received What the escrow received and credited to the caller.
    function fundWithPermit(
        uint256 projectId,
        uint256 amount,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external returns (uint256 received);

    /// @notice Submits evidence that a milestone is done, for the verifier to review.
    /// @dev Emits a {MilestoneSubmitted} event.
    ///
    /// Requirements:
    /// - the caller is the project's firm and the project is Active;
    /// - the milestone exists, is Pending or Rejected, and its deadline has not passed.
    /// @param projectId The project.
    /// @param milestoneIndex The milestone's index (from 0).
    /// @param evidenceHash Hash of the evidence document.
    function submitMilestone(uint256 projectId, uint256 milestoneIndex, bytes32 evidenceHash) external;

    /// @notice Approves a submitted milestone; its budget becomes payable.
    /// @dev Emits a {MilestoneApproved} event.
    ///
    /// Requirements:
    /// - the caller is the project's verifier and the project is Active;
    /// - the milestone exists, is the next one in order and is Submitted;
    /// - its deadline has not passed;
    /// - the project is funded at least up to this milestone's cumulative budget.
    /// @param projectId The project.
    /// @param milestoneIndex The milestone's index (from 0).
    function approveMilestone(uint256 projectId, uint256 milestoneIndex) external;

    /// @notice Rejects a submitted milestone; the firm may resubmit it until its deadline.
    /// @dev Emits a {MilestoneRejected} event.
    ///
    /// Requirements:
    /// - the caller is the project's verifier and the project is Active;
    /// - the milestone exists and is Submitted.
    /// @param projectId The project.
    /// @param milestoneIndex The milestone's index (from 0).
    /// @param reasonHash Hash of the verifier's reasons.
    function rejectMilestone(uint256 projectId, uint256 milestoneIndex, bytes32 reasonHash) external;

    /// @notice Pays `amount` from an approved milestone's remaining budget to the firm or a registered supplier.
    /// @dev Emits a {Disbursed} event.
    ///
    /// Requirements:
    /// - the caller is the project's firm and the project is Active;
    /// - the milestone exists and is Approved;
    /// - `amount` is above zero and at most the milestone's remaining budget;
    /// - `invoiceHash` is not zero and was never paid to `payee` (by any project);
    /// - `payee` is the firm or `isProjectPayee(projectId, payee)` is true (a removed payee cannot be paid);
    /// - the oracle does not hold `payee` disrupted, or the verifier released this invoice to it during the current
    ///   disruption ({releaseInvoice}); the payment consumes the release.
    /// @param projectId The project.
    /// @param milestoneIndex The approved milestone whose budget pays.
    /// @param payee The recipient.
    /// @param amount In units of the token's decimals.
    /// @param category What the payment is for.
    /// @param invoiceHash Hash of the invoice.
    function disburse(
        uint256 projectId,
        uint256 milestoneIndex,
        address payee,
        uint256 amount,
        EscrowTypes.Category category,
        bytes32 invoiceHash
    ) external;

    /// @notice Records whether `account` may be paid by the project (besides its firm). Called by the registry alone,
    /// which owns the rules (a registered supplier the firm adds, a supplier accepting a listing, the firm's removal)
    /// and emits their events; the escrow keeps the set so that {disburse} reads it from its own storage.
    /// @dev Does not check the project: the registry calls it only for a project it knows from the escrow (on the
    /// firm's call, checked with {projectFirm}, or for a component the firm defined).
    ///
    /// Requirements:
    /// - the caller is the registry.
    /// @param projectId The project.
    /// @param account The payee.
    /// @param allowed True to allow payments to `account`, false to remove it.
    /// @return changed Whether the record changed (false when `account` already was, or was not, a payee).
    function setProjectPayee(uint256 projectId, address account, bool allowed) external returns (bool changed);

    /// @notice Lets the firm pay one invoice to a payee the oracle holds disrupted (for goods delivered before the
    /// disruption). The release holds for the current disruption only and is consumed by the payment.
    /// @dev Emits an {InvoiceReleased} event.
    ///
    /// Requirements:
    /// - the caller is the project's verifier and the project is Active;
    /// - `invoiceHash` is not zero and was never paid to `payee`;
    /// - the oracle holds `payee` disrupted.
    /// @param projectId The project.
    /// @param payee The disrupted payee.
    /// @param invoiceHash The invoice to release.
    function releaseInvoice(uint256 projectId, address payee, bytes32 invoiceHash) external;

    /// @notice Hands the caller's verifier role to a successor it names. The firm can never change the verifier.
    /// @dev Emits a {VerifierTransferred} event. The handover takes effect at once; a successor that never acts
    /// leaves the next deadline to pass, after which the project fails and refunds open.
    ///
    /// Requirements:
    /// - the caller is the project's verifier and the project is Active;
    /// - `successor` is not zero, not the caller, not the firm and has not funded the project.
    /// @param projectId The project.
    /// @param successor The new verifier.
    function transferVerifier(uint256 projectId, address successor) external;

    /// @notice Fails a project whose next milestone to approve missed its deadline; anyone may call it.
    /// @dev Emits a {ProjectFailed} event. Refunds open.
    ///
    /// Requirements:
    /// - the project is Active and not every milestone is approved;
    /// - the deadline of the first unapproved milestone has passed.
    /// @param projectId The project.
    function markFailed(uint256 projectId) external;

    /// @notice Cancels the caller's project. Refunds open.
    /// @dev Emits a {ProjectCancelled} event.
    ///
    /// Requirements:
    /// - the caller is the project's firm and the project is Active.
    /// @param projectId The project.
    function cancelProject(uint256 projectId) external;

    /// @notice Completes the caller's project once every milestone is approved; whatever is unspent of the
    /// approved budgets is returned to the financiers pro rata.
    /// @dev Emits a {ProjectCompleted} event. Refunds open.
    ///
    /// Requirements:
    /// - the caller is the project's firm and the project is Active;
    /// - every milestone is approved.
    /// @param projectId The project.
    function completeProject(uint256 projectId) external;

    /// @notice Closes a project whose milestones are all approved once `CLOSE_GRACE_PERIOD` has passed after its
    /// last deadline without the firm completing it; anyone may call it, so no money stays locked when the firm
    /// stops acting. The project is Completed and what was not paid (approved budget included) becomes refundable.
    /// @dev Emits a {ProjectClosedAfterGracePeriod} event. Refunds open. Until then the firm may still pay approved
    /// budget. A project with a milestone not approved is failed with {markFailed} instead.
    ///
    /// Requirements:
    /// - the project is Active and every milestone is approved;
    /// - the block's timestamp is after {closableAfter}.
    /// @param projectId The project.
    function closeAfterGracePeriod(uint256 projectId) external;

    /// @notice Pays the caller's pro-rata share of a closed project's unspent balance.
    /// @dev Emits a {Refunded} event (also for a share that rounds to zero, which moves no tokens).
    ///
    /// Notes:
    /// - Share = `refundable × contributed / funded` rounded down; the last financier to claim receives exactly
    /// `refundable − refunded`, so no dust is stranded.
    ///
    /// Requirements:
    /// - the project is Failed, Cancelled or Completed;
    /// - the caller contributed and did not claim yet.
    /// @param projectId The project.
    /// @return amount What was paid, in units of the token's decimals.
    function claimRefund(uint256 projectId) external returns (uint256 amount);

    /// @notice Flags the caller's contribution to a project as fiscal funds the firm treats as non-taxable income
    /// (不征税收入, e.g. a government guidance fund's grant): the R&D ledger then excludes the caller's pro-rata
    /// share of every payment of the project from the super-deduction. Irrevocable; moves no tokens.
    /// @dev Emits a {FiscalFundsFlagged} event.
    ///
    /// Requirements:
    /// - the project exists (any status) and the caller contributed to it;
    /// - the caller did not flag it yet.
    /// @param projectId The project.
    function flagFiscalFunds(uint256 projectId) external;
}
