// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { IERC20 } from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import { IERC20Permit } from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import { SafeERC20 } from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import { ReentrancyGuardTransient } from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import { IDisruptionOracle } from "../interfaces/IDisruptionOracle.sol";
import { IRDEscrow } from "../interfaces/IRDEscrow.sol";
import { IProjectPayees } from "../interfaces/IProjectPayees.sol";
import { Errors } from "../libraries/Errors.sol";
import { EscrowTypes } from "../types/EscrowTypes.sol";

/// @title RDEscrow
/// @notice See the documentation in {IRDEscrow}.
/// @dev Every function that moves tokens or closes a project is `nonReentrant` (a transient-storage guard). `fund`
/// must call the token before crediting, because it credits the measured balance delta (fee-on-transfer tokens);
/// the guard is what makes that safe. Every other token call comes after all effects (checks-effects-interactions).
contract RDEscrow is IRDEscrow, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /*//////////////////////////////////////////////////////////////////////////
                                       STATE
    //////////////////////////////////////////////////////////////////////////*/

    /// @inheritdoc IRDEscrow
    uint256 public constant override MAX_MILESTONES = 32;

    /// @inheritdoc IRDEscrow
    uint256 public constant override CLOSE_GRACE_PERIOD = 30 days;

    /// @inheritdoc IRDEscrow
    IProjectPayees public immutable override registry;

    /// @inheritdoc IRDEscrow
    IDisruptionOracle public immutable override oracle;

    uint256 private _projectCount;

    mapping(uint256 projectId => EscrowTypes.Project project) private _projects;

    /// @dev The accounts each project may pay besides its firm. The registry alone writes them ({setProjectPayee}:
    /// suppliers the firm adds or removes, suppliers accepting a listing); kept here so that {disburse} reads its own
    /// storage rather than calling the registry (a cold account and a call, ~3.4k gas per payment).
    mapping(uint256 projectId => mapping(address account => bool)) private _payees;

    /// @dev Keyed by payee first: an invoice number is unique per issuer, so one payee's invoice is paid at most
    /// once across every project, and nobody can spoil another payee's invoice by paying its hash first. 1 = paid: a
    /// whole word, so that {disburse} writes the slot without reading it back first (as a `bool` would).
    mapping(address payee => mapping(bytes32 invoiceHash => uint256 paid)) private _paidInvoices;

    /// @dev The verifier's releases of invoices to disrupted payees: the oracle confirmation (never 0) during which
    /// the release was made; it is valid only while that confirmation is the payee's current one.
    mapping(uint256 projectId => mapping(address payee => mapping(bytes32 invoiceHash => uint256 confirmationId)))
        private _releases;

    /*//////////////////////////////////////////////////////////////////////////
                                    CONSTRUCTOR
    //////////////////////////////////////////////////////////////////////////*/

    /// @param registry_ The registry that lists the suppliers each project may pay.
    /// @param oracle_ The disruption oracle; the escrow pays no supplier it holds disrupted (see {disburse}).
    constructor(IProjectPayees registry_, IDisruptionOracle oracle_) {
        registry = registry_;
        oracle = oracle_;
    }

    /*//////////////////////////////////////////////////////////////////////////
                                     READ-ONLY
    //////////////////////////////////////////////////////////////////////////*/

    /// @inheritdoc IRDEscrow
    function projectCount() external view override returns (uint256) {
        return _projectCount;
    }

    /// @inheritdoc IRDEscrow
    function projectFirm(uint256 projectId) external view override returns (address firm) {
        firm = _projects[projectId].firm;
        if (firm == address(0)) revert Errors.RDEscrow_ProjectNotFound(projectId);
    }

    /// @inheritdoc IRDEscrow
    function projectToken(uint256 projectId) external view override returns (IERC20 token) {
        return _existingProject(projectId).token;
    }

    /// @inheritdoc IRDEscrow
    function projectStatus(uint256 projectId) external view override returns (EscrowTypes.ProjectStatus) {
        return _projects[projectId].status;
    }

    /// @inheritdoc IRDEscrow
    function getProject(uint256 projectId) external view override returns (EscrowTypes.ProjectView memory view_) {
        EscrowTypes.Project storage p = _existingProject(projectId);
        uint256 disbursed = _disbursed(p);
        view_ = EscrowTypes.ProjectView({
            firm: p.firm,
            verifier: p.verifier,
            token: p.token,
            status: p.status,
            milestoneCount: p.milestoneCount,
            approvedCount: p.approvedCount,
            metadataHash: p.metadataHash,
            target: p.target,
            funded: p.funded,
            disbursed: disbursed,
            refunded: p.refunded,
            held: p.funded - disbursed - p.refunded,
            refundable: p.refundable
        });
    }

    /// @inheritdoc IRDEscrow
    function getMilestones(
        uint256 projectId
    ) external view override returns (EscrowTypes.MilestoneView[] memory milestones) {
        EscrowTypes.Project storage p = _existingProject(projectId);
        uint256 count = p.milestoneCount;
        milestones = new EscrowTypes.MilestoneView[](count);
        for (uint256 i = 0; i < count; ++i) {
            EscrowTypes.Milestone storage m = p.milestones[i];
            milestones[i] = EscrowTypes.MilestoneView({
                budget: m.budget,
                paid: m.paid,
                remaining: m.budget - m.paid,
                deadline: m.deadline,
                stage: m.stage,
                status: i < p.approvedCount ? EscrowTypes.MilestoneStatus.Approved : m.status,
                evidenceHash: m.evidenceHash
            });
        }
    }

    /// @inheritdoc IRDEscrow
    function getPosition(
        uint256 projectId,
        address financier
    ) external view override returns (uint256 contributed, uint256 claimable, bool refundClaimed) {
        EscrowTypes.Project storage p = _existingProject(projectId);
        EscrowTypes.Position storage position = p.positions[financier];
        contributed = position.contributed;
        refundClaimed = position.refundClaimed;
        if (p.status > EscrowTypes.ProjectStatus.Active && !refundClaimed && contributed != 0) {
            claimable = _refundShare(p, contributed);
        }
    }

    /// @inheritdoc IRDEscrow
    function isFiscalFunds(uint256 projectId, address financier) external view override returns (bool) {
        return _existingProject(projectId).positions[financier].fiscalFunds;
    }

    /// @inheritdoc IRDEscrow
    function isInvoicePaid(address payee, bytes32 invoiceHash) external view override returns (bool) {
        return _paidInvoices[payee][invoiceHash] != 0;
    }

    /// @inheritdoc IRDEscrow
    function isProjectPayee(uint256 projectId, address account) external view override returns (bool) {
        return _payees[projectId][account];
    }

    /// @inheritdoc IRDEscrow
    function isInvoiceReleased(
        uint256 projectId,
        address payee,
        bytes32 invoiceHash
    ) external view override returns (bool) {
        uint256 releasedIn = _releases[projectId][payee][invoiceHash];
        if (releasedIn == 0) return false;
        (bool disrupted, , uint256 confirmationId) = _supplierStatus(payee);
        return disrupted && releasedIn == confirmationId;
    }

    /// @inheritdoc IRDEscrow
    function closableAfter(uint256 projectId) external view override returns (uint256) {
        EscrowTypes.Project storage p = _existingProject(projectId);
        return _closableAfter(p);
    }

    /*//////////////////////////////////////////////////////////////////////////
                                   STATE-CHANGING
    //////////////////////////////////////////////////////////////////////////*/

    /// @inheritdoc IRDEscrow
    function createProject(
        IERC20 token,
        address verifier,
        bytes32 metadataHash,
        EscrowTypes.ProjectProfile calldata profile,
        EscrowTypes.MilestoneInput[] calldata milestones
    ) external override returns (uint256 projectId) {
        if (address(token).code.length == 0) revert Errors.RDEscrow_InvalidToken(address(token));
        if (verifier == address(0) || verifier == msg.sender) {
            revert Errors.RDEscrow_InvalidVerifier(verifier, msg.sender);
        }
        uint256 count = milestones.length;
        if (count == 0 || count > MAX_MILESTONES) {
            revert Errors.RDEscrow_InvalidMilestoneCount(count, MAX_MILESTONES);
        }

        unchecked {
            // Cannot overflow: at most 2^256 - 1 calls.
            projectId = ++_projectCount;
        }
        EscrowTypes.Project storage p = _projects[projectId];

        uint256 target = _storeMilestones(p, milestones);
        if (target > type(uint128).max) revert Errors.RDEscrow_TargetTooLarge(target);

        p.firm = msg.sender;
        p.token = token;
        p.status = EscrowTypes.ProjectStatus.Active;
        p.milestoneCount = uint8(count);
        p.verifier = verifier;
        p.target = uint128(target);
        p.metadataHash = metadataHash;

        emit ProjectCreated(projectId, msg.sender, verifier, token, target, metadataHash, milestones);
        emit ProjectClassified(projectId, profile.rdForm, profile.greenCategory);
    }

    /// @inheritdoc IRDEscrow
    function fund(uint256 projectId, uint256 amount) external override nonReentrant returns (uint256 received) {
        return _fund(projectId, amount);
    }

    /// @inheritdoc IRDEscrow
    function fundWithPermit(
        uint256 projectId,
        uint256 amount,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external override nonReentrant returns (uint256 received) {
        address token = address(_projects[projectId].token);
        // A failing permit (e.g. front-run and already used) is ignored; `_fund` then relies on the allowance,
        // as OpenZeppelin recommends for {IERC20Permit}. An unknown project has no token and reverts in `_fund`.
        if (token != address(0)) {
            try IERC20Permit(token).permit(msg.sender, address(this), amount, deadline, v, r, s) {} catch {}
        }
        return _fund(projectId, amount);
    }

    /// @inheritdoc IRDEscrow
    function submitMilestone(uint256 projectId, uint256 milestoneIndex, bytes32 evidenceHash) external override {
        EscrowTypes.Project storage p = _projects[projectId];
        _checkFirm(projectId, p.firm);
        (uint256 approvedCount, ) = _checkActiveMilestone(p, projectId, milestoneIndex);
        EscrowTypes.Milestone storage m = p.milestones[milestoneIndex];
        EscrowTypes.MilestoneStatus status = m.status;
        if (milestoneIndex < approvedCount) {
            revert Errors.RDEscrow_MilestoneNotSubmittable(
                projectId,
                milestoneIndex,
                uint8(EscrowTypes.MilestoneStatus.Approved)
            );
        }
        if (status == EscrowTypes.MilestoneStatus.Submitted) {
            revert Errors.RDEscrow_MilestoneNotSubmittable(projectId, milestoneIndex, uint8(status));
        }
        uint256 deadline = m.deadline;
        if (block.timestamp > deadline) {
            revert Errors.RDEscrow_MilestoneDeadlinePassed(projectId, milestoneIndex, deadline);
        }
        m.status = EscrowTypes.MilestoneStatus.Submitted;
        m.evidenceHash = evidenceHash;
        emit MilestoneSubmitted(projectId, milestoneIndex, evidenceHash);
    }

    /// @inheritdoc IRDEscrow
    function approveMilestone(uint256 projectId, uint256 milestoneIndex) external override {
        EscrowTypes.Project storage p = _projects[projectId];
        _checkVerifier(projectId, p.verifier);
        (uint256 approvedCount, ) = _checkActiveMilestone(p, projectId, milestoneIndex);
        if (milestoneIndex != approvedCount) {
            revert Errors.RDEscrow_MilestoneOutOfOrder(projectId, milestoneIndex, approvedCount);
        }
        EscrowTypes.Milestone storage m = p.milestones[milestoneIndex];
        EscrowTypes.MilestoneStatus status = m.status;
        if (status != EscrowTypes.MilestoneStatus.Submitted) {
            revert Errors.RDEscrow_MilestoneNotSubmitted(projectId, milestoneIndex, uint8(status));
        }
        uint256 deadline = m.deadline;
        if (block.timestamp > deadline) {
            revert Errors.RDEscrow_MilestoneDeadlinePassed(projectId, milestoneIndex, deadline);
        }
        uint256 required = m.cumulativeBudget;
        uint256 funded = p.funded;
        if (funded < required) {
            revert Errors.RDEscrow_InsufficientFunding(projectId, milestoneIndex, funded, required);
        }
        unchecked {
            // Cannot overflow: approvedCount < milestoneCount <= 32.
            p.approvedCount = uint8(approvedCount + 1);
        }
        emit MilestoneApproved(projectId, milestoneIndex);
    }

    /// @inheritdoc IRDEscrow
    function rejectMilestone(uint256 projectId, uint256 milestoneIndex, bytes32 reasonHash) external override {
        EscrowTypes.Project storage p = _projects[projectId];
        _checkVerifier(projectId, p.verifier);
        (uint256 approvedCount, ) = _checkActiveMilestone(p, projectId, milestoneIndex);
        EscrowTypes.Milestone storage m = p.milestones[milestoneIndex];
        EscrowTypes.MilestoneStatus status =
            milestoneIndex < approvedCount ? EscrowTypes.MilestoneStatus.Approved : m.status;
        if (status != EscrowTypes.MilestoneStatus.Submitted) {
            revert Errors.RDEscrow_MilestoneNotSubmitted(projectId, milestoneIndex, uint8(status));
        }
        m.status = EscrowTypes.MilestoneStatus.Rejected;
        emit MilestoneRejected(projectId, milestoneIndex, reasonHash);
    }

    /// @inheritdoc IRDEscrow
    function disburse(
        uint256 projectId,
        uint256 milestoneIndex,
        address payee,
        uint256 amount,
        EscrowTypes.Category category,
        bytes32 invoiceHash
    ) external override nonReentrant {
        EscrowTypes.Project storage p = _projects[projectId];
        address firm = p.firm;
        _checkFirm(projectId, firm);
        (uint256 approvedCount, IERC20 token) = _checkActiveMilestone(p, projectId, milestoneIndex);
        if (milestoneIndex >= approvedCount) revert Errors.RDEscrow_MilestoneNotApproved(projectId, milestoneIndex);
        if (amount == 0) revert Errors.RDEscrow_ZeroAmount();
        if (invoiceHash == bytes32(0)) revert Errors.RDEscrow_ZeroInvoiceHash();
        if (_paidInvoices[payee][invoiceHash] != 0) revert Errors.RDEscrow_InvoiceAlreadyPaid(payee, invoiceHash);

        EscrowTypes.Milestone storage m = p.milestones[milestoneIndex];
        uint256 paid = m.paid;
        uint256 remaining;
        unchecked {
            // Cannot underflow: `paid` never exceeds `budget`.
            remaining = m.budget - paid;
        }
        if (amount > remaining) {
            revert Errors.RDEscrow_BudgetExceeded(projectId, milestoneIndex, amount, remaining);
        }
        // The firm is always allowed; checking it first skips the payee slot.
        if (payee != firm && !_payees[projectId][payee]) {
            revert Errors.RDEscrow_PayeeNotAllowed(projectId, payee);
        }
        _consumeReleaseIfDisrupted(projectId, payee, invoiceHash);

        unchecked {
            // Cannot overflow: paid + amount <= budget < 2^128.
            m.paid = uint128(paid + amount);
        }
        _paidInvoices[payee][invoiceHash] = 1;
        emit Disbursed(projectId, payee, amount, milestoneIndex, category, invoiceHash);

        token.safeTransfer(payee, amount);
    }

    /// @inheritdoc IRDEscrow
    function setProjectPayee(
        uint256 projectId,
        address account,
        bool allowed
    ) external override returns (bool changed) {
        if (msg.sender != address(registry)) revert Errors.RDEscrow_CallerNotRegistry(msg.sender);
        mapping(address => bool) storage payees = _payees[projectId];
        changed = payees[account] != allowed;
        if (changed) payees[account] = allowed;
    }

    /// @inheritdoc IRDEscrow
    function releaseInvoice(uint256 projectId, address payee, bytes32 invoiceHash) external override {
        EscrowTypes.Project storage p = _projects[projectId];
        _checkVerifier(projectId, p.verifier);
        _checkActive(projectId, p.status);
        if (invoiceHash == bytes32(0)) revert Errors.RDEscrow_ZeroInvoiceHash();
        if (_paidInvoices[payee][invoiceHash] != 0) revert Errors.RDEscrow_InvoiceAlreadyPaid(payee, invoiceHash);
        (bool disrupted, , uint256 confirmationId) = _supplierStatus(payee);
        if (!disrupted) revert Errors.RDEscrow_PayeeNotDisrupted(payee);
        _releases[projectId][payee][invoiceHash] = confirmationId;
        emit InvoiceReleased(projectId, payee, invoiceHash, confirmationId);
    }

    /// @inheritdoc IRDEscrow
    function transferVerifier(uint256 projectId, address successor) external override {
        EscrowTypes.Project storage p = _projects[projectId];
        _checkVerifier(projectId, p.verifier);
        _checkActive(projectId, p.status);
        if (
            successor == address(0) ||
            successor == msg.sender ||
            successor == p.firm ||
            p.positions[successor].contributed != 0
        ) {
            revert Errors.RDEscrow_InvalidSuccessor(projectId, successor);
        }
        p.verifier = successor;
        emit VerifierTransferred(projectId, msg.sender, successor);
    }

    /// @inheritdoc IRDEscrow
    function markFailed(uint256 projectId) external override nonReentrant {
        EscrowTypes.Project storage p = _projects[projectId];
        _checkActive(projectId, p.status);
        uint256 approvedCount = p.approvedCount;
        if (approvedCount == p.milestoneCount) revert Errors.RDEscrow_AllMilestonesApproved(projectId);
        uint256 deadline = p.milestones[approvedCount].deadline;
        if (block.timestamp <= deadline) {
            revert Errors.RDEscrow_DeadlineNotPassed(projectId, approvedCount, deadline);
        }
        uint256 refundable = _close(p, EscrowTypes.ProjectStatus.Failed);
        emit ProjectFailed(projectId, approvedCount, refundable);
    }

    /// @inheritdoc IRDEscrow
    function cancelProject(uint256 projectId) external override nonReentrant {
        EscrowTypes.Project storage p = _projects[projectId];
        _checkFirm(projectId, p.firm);
        _checkActive(projectId, p.status);
        uint256 refundable = _close(p, EscrowTypes.ProjectStatus.Cancelled);
        emit ProjectCancelled(projectId, refundable);
    }

    /// @inheritdoc IRDEscrow
    function completeProject(uint256 projectId) external override nonReentrant {
        EscrowTypes.Project storage p = _projects[projectId];
        _checkFirm(projectId, p.firm);
        _checkActive(projectId, p.status);
        uint256 approvedCount = p.approvedCount;
        uint256 milestoneCount = p.milestoneCount;
        if (approvedCount != milestoneCount) {
            revert Errors.RDEscrow_MilestonesPending(projectId, approvedCount, milestoneCount);
        }
        uint256 refundable = _close(p, EscrowTypes.ProjectStatus.Completed);
        emit ProjectCompleted(projectId, refundable);
    }

    /// @inheritdoc IRDEscrow
    function closeAfterGracePeriod(uint256 projectId) external override nonReentrant {
        EscrowTypes.Project storage p = _projects[projectId];
        _checkActive(projectId, p.status);
        uint256 approvedCount = p.approvedCount;
        uint256 milestoneCount = p.milestoneCount;
        if (approvedCount != milestoneCount) {
            revert Errors.RDEscrow_MilestonesPending(projectId, approvedCount, milestoneCount);
        }
        uint256 closable = _closableAfter(p);
        if (block.timestamp <= closable) revert Errors.RDEscrow_GracePeriodNotOver(projectId, closable);
        uint256 refundable = _close(p, EscrowTypes.ProjectStatus.Completed);
        emit ProjectClosedAfterGracePeriod(projectId, msg.sender, refundable);
    }

    /// @inheritdoc IRDEscrow
    function claimRefund(uint256 projectId) external override nonReentrant returns (uint256 amount) {
        EscrowTypes.Project storage p = _projects[projectId];
        EscrowTypes.ProjectStatus status = p.status;
        if (status <= EscrowTypes.ProjectStatus.Active) {
            if (status == EscrowTypes.ProjectStatus.None) revert Errors.RDEscrow_ProjectNotFound(projectId);
            revert Errors.RDEscrow_RefundsNotOpen(projectId, uint8(status));
        }
        EscrowTypes.Position storage position = p.positions[msg.sender];
        uint256 contributed = position.contributed;
        if (contributed == 0) revert Errors.RDEscrow_NoContribution(projectId, msg.sender);
        if (position.refundClaimed) revert Errors.RDEscrow_RefundAlreadyClaimed(projectId, msg.sender);

        amount = _refundShare(p, contributed);
        position.refundClaimed = true;
        unchecked {
            // Cannot overflow: refunds sum to at most `refundable`, contributions to `funded`, both below 2^128.
            p.refunded += uint128(amount);
            p.claimedContributions += uint128(contributed);
        }
        emit Refunded(projectId, msg.sender, amount);

        if (amount != 0) p.token.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc IRDEscrow
    function flagFiscalFunds(uint256 projectId) external override {
        EscrowTypes.Position storage position = _existingProject(projectId).positions[msg.sender];
        uint256 contributed = position.contributed;
        if (contributed == 0) revert Errors.RDEscrow_NoContribution(projectId, msg.sender);
        if (position.fiscalFunds) revert Errors.RDEscrow_FiscalFundsAlreadyFlagged(projectId, msg.sender);
        position.fiscalFunds = true;
        emit FiscalFundsFlagged(projectId, msg.sender, contributed);
    }

    /*//////////////////////////////////////////////////////////////////////////
                                      PRIVATE
    //////////////////////////////////////////////////////////////////////////*/

    /// @dev Pulls `amount` from the caller and credits what arrived. Interactions come before effects here by
    /// necessity (the credit is the measured balance delta); callers are `nonReentrant`.
    function _fund(uint256 projectId, uint256 amount) private returns (uint256 received) {
        EscrowTypes.Project storage p = _projects[projectId];
        IERC20 token = p.token;
        _checkActive(projectId, p.status);
        if (amount == 0) revert Errors.RDEscrow_ZeroAmount();
        uint256 funded = p.funded;
        uint256 room;
        unchecked {
            // Cannot underflow: `funded` never exceeds `target`.
            room = p.target - funded;
        }
        if (amount > room) revert Errors.RDEscrow_OverFunding(projectId, amount, room);

        uint256 balanceBefore = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), amount);
        received = token.balanceOf(address(this)) - balanceBefore;
        // A token that delivers nothing, or more than asked (which could break the target), is refused.
        if (received == 0 || received > amount) {
            revert Errors.RDEscrow_UnexpectedBalanceChange(projectId, amount, received);
        }

        unchecked {
            // Cannot overflow: funded + received <= target < 2^128, and a contribution is at most `funded`.
            p.funded = uint128(funded + received);
            p.positions[msg.sender].contributed += uint128(received);
        }
        emit Funded(projectId, msg.sender, received);
    }

    /// @dev Validates and stores the milestones of a new project; returns the target (sum of the budgets).
    function _storeMilestones(
        EscrowTypes.Project storage p,
        EscrowTypes.MilestoneInput[] calldata milestones
    ) private returns (uint256 target) {
        uint256 previousDeadline = block.timestamp;
        EscrowTypes.Stage previousStage = EscrowTypes.Stage.Research;
        for (uint256 i = 0; i < milestones.length; ++i) {
            EscrowTypes.MilestoneInput calldata input = milestones[i];
            uint256 budget = input.budget;
            uint256 deadline = input.deadline;
            EscrowTypes.Stage stage = input.stage;
            if (budget == 0) revert Errors.RDEscrow_ZeroBudget(i);
            if (deadline <= previousDeadline) {
                if (i == 0) revert Errors.RDEscrow_DeadlineNotInFuture(0, deadline, block.timestamp);
                revert Errors.RDEscrow_DeadlinesNotIncreasing(i, deadline, previousDeadline);
            }
            if (stage < previousStage) revert Errors.RDEscrow_StageRegression(i, uint8(stage), uint8(previousStage));
            if (stage == EscrowTypes.Stage.Research && input.accounting == EscrowTypes.Accounting.Capitalised) {
                revert Errors.RDEscrow_ResearchStageCapitalised(i);
            }
            unchecked {
                // Cannot overflow: at most 32 budgets below 2^128 each.
                target += budget;
            }
            EscrowTypes.Milestone storage m = p.milestones[i];
            m.budget = uint128(budget);
            // Truncation is caught by `createProject`, which checks that the target (bounding every prefix) fits.
            m.cumulativeBudget = uint128(target);
            m.deadline = uint40(deadline);
            m.stage = stage;
            previousDeadline = deadline;
            previousStage = stage;
        }
    }

    /// @dev Closes an Active project: records the unspent balance the financiers share, and the new status.
    function _close(
        EscrowTypes.Project storage p,
        EscrowTypes.ProjectStatus status
    ) private returns (uint256 refundable) {
        refundable = p.funded - _disbursed(p);
        p.status = status;
        p.refundable = uint128(refundable);
    }

    /// @dev The moment after which anyone may close the project: its last deadline plus the grace period.
    function _closableAfter(EscrowTypes.Project storage p) private view returns (uint256) {
        return uint256(p.milestones[p.milestoneCount - 1].deadline) + CLOSE_GRACE_PERIOD;
    }

    /// @dev `oracle.supplierStatus(supplier)` without the ABI helpers (hot path of {disburse}); bubbles up an
    /// oracle revert, and reverts without data on a short answer.
    function _supplierStatus(
        address supplier
    ) private view returns (bool disrupted, uint256 since, uint256 confirmationId) {
        address oracle_ = address(oracle);
        bytes4 selector = IDisruptionOracle.supplierStatus.selector;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, selector)
            mstore(add(ptr, 0x04), supplier)
            if iszero(staticcall(gas(), oracle_, ptr, 0x24, ptr, 0x60)) {
                returndatacopy(ptr, 0, returndatasize())
                revert(ptr, returndatasize())
            }
            if lt(returndatasize(), 0x60) {
                revert(0, 0)
            }
            disrupted := iszero(iszero(mload(ptr)))
            since := mload(add(ptr, 0x20))
            confirmationId := mload(add(ptr, 0x40))
        }
    }

    /// @dev `oracle.isDisrupted(supplier)` without the ABI helpers: the check every payment makes (one word of answer,
    /// in scratch space; {_supplierStatus} is asked only when it is true). Bubbles up an oracle revert, and reverts
    /// without data on a short answer.
    function _isDisrupted(address supplier) private view returns (bool disrupted) {
        address oracle_ = address(oracle);
        bytes4 selector = IDisruptionOracle.isDisrupted.selector;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(0x00, selector)
            mstore(0x04, supplier)
            if iszero(staticcall(gas(), oracle_, 0x00, 0x24, 0x00, 0x20)) {
                let ptr := mload(0x40)
                returndatacopy(ptr, 0, returndatasize())
                revert(ptr, returndatasize())
            }
            if lt(returndatasize(), 0x20) {
                revert(0, 0)
            }
            disrupted := iszero(iszero(mload(0x00)))
        }
    }

    /// @dev Reverts when the oracle holds `payee` disrupted, unless the verifier released this invoice during the
    /// current disruption; the payment consumes that release.
    function _consumeReleaseIfDisrupted(uint256 projectId, address payee, bytes32 invoiceHash) private {
        if (_isDisrupted(payee)) {
            (, uint256 since, uint256 confirmationId) = _supplierStatus(payee);
            mapping(bytes32 => uint256) storage releases = _releases[projectId][payee];
            if (releases[invoiceHash] != confirmationId) revert Errors.RDEscrow_PayeeDisrupted(payee, since);
            delete releases[invoiceHash];
        }
    }

    /// @dev Sum of what the project paid; only approved milestones can have paid anything (at most 32).
    function _disbursed(EscrowTypes.Project storage p) private view returns (uint256 disbursed) {
        uint256 approvedCount = p.approvedCount;
        for (uint256 i = 0; i < approvedCount; ++i) {
            disbursed += p.milestones[i].paid;
        }
    }

    /// @dev A financier's refund: pro rata, rounded down, except that the claim completing the set of claimed
    /// contributions takes exactly what is left, so no dust is stranded.
    function _refundShare(EscrowTypes.Project storage p, uint256 contributed) private view returns (uint256 share) {
        uint256 funded = p.funded;
        uint256 refundable = p.refundable;
        if (p.claimedContributions + contributed == funded) return refundable - p.refunded;
        // Cannot overflow: both factors are below 2^128; `funded` >= `contributed` > 0.
        return (refundable * contributed) / funded;
    }

    /// @dev Reverts unless the project is Active (ProjectNotFound for an id never created).
    function _checkActive(uint256 projectId, EscrowTypes.ProjectStatus status) private pure {
        if (status != EscrowTypes.ProjectStatus.Active) {
            if (status == EscrowTypes.ProjectStatus.None) revert Errors.RDEscrow_ProjectNotFound(projectId);
            revert Errors.RDEscrow_ProjectNotActive(projectId, uint8(status));
        }
    }

    /// @dev Reverts unless the caller is `firm` (ProjectNotFound for an id never created).
    function _checkFirm(uint256 projectId, address firm) private view {
        if (msg.sender != firm) {
            if (firm == address(0)) revert Errors.RDEscrow_ProjectNotFound(projectId);
            revert Errors.RDEscrow_CallerNotFirm(projectId, msg.sender);
        }
    }

    /// @dev Reverts unless the caller is `verifier` (ProjectNotFound for an id never created).
    function _checkVerifier(uint256 projectId, address verifier) private view {
        if (msg.sender != verifier) {
            if (verifier == address(0)) revert Errors.RDEscrow_ProjectNotFound(projectId);
            revert Errors.RDEscrow_CallerNotVerifier(projectId, msg.sender);
        }
    }

    /// @dev Reverts unless the project is Active and has the milestone; returns the fields of the project's slot 1.
    function _checkActiveMilestone(
        EscrowTypes.Project storage p,
        uint256 projectId,
        uint256 milestoneIndex
    ) private view returns (uint256 approvedCount, IERC20 token) {
        token = p.token;
        // The four fields share slot 1: read together, before any branch, they cost one SLOAD.
        EscrowTypes.ProjectStatus status = p.status;
        uint256 milestoneCount = p.milestoneCount;
        approvedCount = p.approvedCount;
        _checkActive(projectId, status);
        if (milestoneIndex >= milestoneCount) {
            revert Errors.RDEscrow_MilestoneNotFound(projectId, milestoneIndex, milestoneCount);
        }
    }

    /// @dev The project `projectId`, reverting for an id never created.
    function _existingProject(uint256 projectId) private view returns (EscrowTypes.Project storage p) {
        p = _projects[projectId];
        if (p.status == EscrowTypes.ProjectStatus.None) revert Errors.RDEscrow_ProjectNotFound(projectId);
    }
}
