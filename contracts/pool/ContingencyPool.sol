// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { Ownable } from "@openzeppelin/contracts/access/Ownable.sol";
import { Ownable2Step } from "@openzeppelin/contracts/access/Ownable2Step.sol";
import { IERC20 } from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import { SafeERC20 } from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import { Math } from "@openzeppelin/contracts/utils/math/Math.sol";
import { ReentrancyGuardTransient } from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import { ISupplyChainRegistry } from "../interfaces/ISupplyChainRegistry.sol";
import { IContingencyPool } from "../interfaces/IContingencyPool.sol";
import { ISupplierStatusSource } from "../interfaces/ISupplierStatusSource.sol";
import { IDisruptionSubscriber } from "../interfaces/IDisruptionSubscriber.sol";
import { IRDEscrow } from "../interfaces/IRDEscrow.sol";
import { Errors } from "../libraries/Errors.sol";
import { EscrowTypes } from "../types/EscrowTypes.sol";
import { PoolConfig } from "../types/PoolConfig.sol";
import { PoolEpoch, PoolEpochLib } from "../types/PoolEpoch.sol";
import { PoolFunds } from "../types/PoolFunds.sol";
import { SupplyChainTypes } from "../types/SupplyChainTypes.sol";

/// @title ContingencyPool
/// @notice Per-project contingency pools that finance substitute suppliers automatically when the oracle
/// confirms a disruption. See the documentation in {IContingencyPool}.
/// @dev Gas: the failover path reads three slots of the project's pool once per pair (two written), makes one
/// registry call per batch (the reverse index) and one per pair (switch + substitute choice), and one token
/// transfer per financed pair. All token movements go through {_pay} / {_pull}, each emitting its movement event.
contract ContingencyPool is IContingencyPool, Ownable2Step, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /*//////////////////////////////////////////////////////////////////////////
                                     CONSTANTS
    //////////////////////////////////////////////////////////////////////////*/

    /// @inheritdoc IContingencyPool
    uint256 public constant override MAX_PAIRS_PER_CALLBACK = 4;

    /// @inheritdoc IContingencyPool
    uint256 public constant override ADVANCE_TRANSFER_GAS = 100_000;

    /// @dev Gas the pool keeps on top of {ADVANCE_TRANSFER_GAS} (and its 1/64) for the call itself.
    uint256 private constant _TRANSFER_CALL_RESERVE = 10_000;

    /// @inheritdoc IContingencyPool
    uint256 public constant override WITHDRAWAL_WINDOW = 2 days;

    uint256 private constant _BPS = 10_000;

    uint256 private constant _ACC_SCALE = 1e27;

    /// @dev A claim era closes early when its debt per unit falls below 1 / 1e9 (keeps unit prices sane).
    uint256 private constant _MIN_CLAIM_PRICE_INVERSE = 1e9;

    /*//////////////////////////////////////////////////////////////////////////
                                       STATE
    //////////////////////////////////////////////////////////////////////////*/

    ISupplyChainRegistry private immutable _registry;
    IRDEscrow private immutable _escrow;
    ISupplierStatusSource private immutable _oracle;

    mapping(uint256 projectId => SupplyChainTypes.Pool pool) private _pools;

    /// @dev Loosened terms waiting for their notice, per project.
    mapping(uint256 projectId => SupplyChainTypes.PendingPoolTerms pending) private _pendingTerms;

    mapping(uint256 projectId => mapping(address financier => SupplyChainTypes.Position)) private _positions;

    /// @dev `claimAcc` of each closed claim era.
    mapping(uint256 projectId => mapping(uint256 era => uint256 acc)) private _eraAcc;

    mapping(uint256 jobId => SupplyChainTypes.Job job) private _jobs;

    /// @dev The deployment's list of tokens a project's pool may hold (set at deploy, changed only by the owner).
    mapping(address token => bool allowed) private _projectTokens;

    /// @dev Advances financed to a substitute whose transfer the token refused, payable by {claimAdvance}.
    mapping(uint256 projectId => mapping(address substitute => uint256 amount)) private _owedAdvances;

    /// @dev Queue bounds: jobs [head, tail) wait. Packed in one slot.
    uint128 private _head;
    uint128 private _tail;

    /*//////////////////////////////////////////////////////////////////////////
                                    CONSTRUCTOR
    //////////////////////////////////////////////////////////////////////////*/

    /// @param registry_ The SupplyChainRegistry.
    /// @param escrow_ The RDEscrow (project firms and tokens).
    /// @param oracle_ The DisruptionOracle whose confirmations trigger financing.
    /// @param admin The owner, who alone changes the list of project tokens (ideally a multisig). Moves no funds.
    /// @param projectTokens The tokens projects' pools may hold from the start.
    constructor(
        ISupplyChainRegistry registry_,
        IRDEscrow escrow_,
        ISupplierStatusSource oracle_,
        address admin,
        address[] memory projectTokens
    ) Ownable(admin) {
        if (address(registry_) == address(0) || address(escrow_) == address(0) || address(oracle_) == address(0)) {
            revert Errors.ContingencyPool_ZeroAddress();
        }
        _registry = registry_;
        _escrow = escrow_;
        _oracle = oracle_;
        for (uint256 i = 0; i < projectTokens.length; ++i) {
            _setProjectToken(projectTokens[i], true);
        }
    }

    /*//////////////////////////////////////////////////////////////////////////
                                     READ-ONLY
    //////////////////////////////////////////////////////////////////////////*/

    /// @inheritdoc IContingencyPool
    function registry() external view override returns (address) {
        return address(_registry);
    }

    /// @inheritdoc IContingencyPool
    function escrow() external view override returns (address) {
        return address(_escrow);
    }

    /// @inheritdoc IContingencyPool
    function oracle() external view override returns (address) {
        return address(_oracle);
    }

    /// @inheritdoc IContingencyPool
    function isProjectToken(address token) external view override returns (bool) {
        return _projectTokens[token];
    }

    /// @inheritdoc IContingencyPool
    function getPool(uint256 projectId) external view override returns (SupplyChainTypes.PoolView memory v) {
        SupplyChainTypes.Pool storage p = _pools[projectId];
        PoolFunds funds = p.funds;
        PoolEpoch epoch = p.epoch;
        // Safe casts: each field is as wide as its view field; outstanding < 2^128 (see {commit}).
        v.token = p.config.token();
        v.cash = uint128(funds.cash());
        v.shareDebt = uint128(funds.shareDebt());
        v.claimDebt = p.claimDebt;
        v.outstanding = uint128(funds.shareDebt() + p.claimDebt);
        v.totalShares = p.totalShares;
        v.claimUnits = p.claimUnits;
        v.claimCash = p.claimCash;
        v.claimEra = p.claimEra;
        v.claimAcc = p.claimAcc;
        v.owed = p.owed;
        v.reservedUntilJob = p.reservedUntilJob;
        v.epochConfirmationId = uint64(epoch.confirmationId());
        v.epochFinanced = uint96(epoch.financed());
        v.epochDueAt = uint40(epoch.dueAt());
        v.oldestDueAt = uint40(epoch.oldestDueAt());
    }

    /// @inheritdoc IContingencyPool
    function poolTerms(uint256 projectId) external view override returns (SupplyChainTypes.PoolTerms memory) {
        return _termsOf(_pools[projectId]);
    }

    /// @inheritdoc IContingencyPool
    function pendingPoolTerms(
        uint256 projectId
    ) external view override returns (SupplyChainTypes.PoolTerms memory terms, uint256 effectiveAt) {
        SupplyChainTypes.PendingPoolTerms memory pending = _pendingTerms[projectId];
        terms = SupplyChainTypes.PoolTerms(
            pending.exposureBps,
            pending.disruptionBps,
            pending.withdrawalNotice,
            pending.repaymentTerm
        );
        effectiveAt = pending.effectiveAt;
    }

    /// @inheritdoc IContingencyPool
    function withdrawalRequest(
        uint256 projectId,
        address financier
    ) external view override returns (uint256 executableAt, uint256 lapsesAt, bool exitsAtOnce) {
        executableAt = _positions[projectId][financier].withdrawableAt;
        if (executableAt != 0) {
            lapsesAt = executableAt + WITHDRAWAL_WINDOW;
            if (block.timestamp > lapsesAt) (executableAt, lapsesAt) = (0, 0);
        }
        exitsAtOnce = _exitsAtOnce(projectId, _pools[projectId]);
    }

    /// @inheritdoc IContingencyPool
    function overdueFinancing(uint256 projectId) external view override returns (uint256) {
        return _overdue(_pools[projectId]);
    }

    /// @inheritdoc IContingencyPool
    function getPosition(
        uint256 projectId,
        address financier
    ) external view override returns (SupplyChainTypes.Position memory) {
        return _positions[projectId][financier];
    }

    /// @inheritdoc IContingencyPool
    function poolBalance(uint256 projectId) external view override returns (uint256) {
        SupplyChainTypes.Pool storage p = _pools[projectId];
        return p.funds.cash() + p.claimCash + p.owed;
    }

    /// @inheritdoc IContingencyPool
    function owedAdvance(uint256 projectId, address substitute) external view override returns (uint256) {
        return _owedAdvances[projectId][substitute];
    }

    /// @inheritdoc IContingencyPool
    function withdrawable(uint256 projectId, address financier) external view override returns (uint256 amount) {
        SupplyChainTypes.Pool storage p = _pools[projectId];
        SupplyChainTypes.Position storage pos = _positions[projectId][financier];
        (amount, ) = _claimPayout(projectId, p, pos);
        if (pos.shares != 0) amount += Math.mulDiv(pos.shares, p.funds.cash(), p.totalShares);
    }

    /// @inheritdoc IContingencyPool
    function pendingJobs() external view override returns (uint256) {
        return _tail - _head;
    }

    /// @inheritdoc IContingencyPool
    function nextJob() external view override returns (SupplyChainTypes.Job memory) {
        return _jobs[_head];
    }

    /*//////////////////////////////////////////////////////////////////////////
                                  STATE-CHANGING
    //////////////////////////////////////////////////////////////////////////*/

    /// @inheritdoc IDisruptionSubscriber
    function onSupplierStatusConfirmed(
        address supplier,
        bool disrupted,
        uint256 confirmationId
    ) external override nonReentrant {
        if (msg.sender != address(_oracle)) revert Errors.ContingencyPool_CallerNotOracle(msg.sender);
        // A recovery pays nothing; the firm may switch components back in the registry.
        if (!disrupted) return;
        // A late retry of a confirmation that is no longer the supplier's latest does nothing.
        (bool current, uint256 confirmedAt) = _isCurrent(supplier, confirmationId);
        if (!current) return;
        uint256 tail = _tail;
        if (_head != tail) {
            // FIFO: jobs already waiting go first, so one project's disruptions are financed in order.
            _enqueue(tail, supplier, confirmationId, 0);
            return;
        }
        (uint256 next, uint256 total) = _processPairs(supplier, confirmationId, confirmedAt, 0, MAX_PAIRS_PER_CALLBACK);
        if (next < total) _enqueue(tail, supplier, confirmationId, next);
    }

    /// @inheritdoc IContingencyPool
    function processQueue(uint256 max) external override nonReentrant returns (uint256 processed) {
        // Pause means pause: the guardian's switch holds queued financing too, not only the oracle's notifications.
        if (_oracle.triggersPaused()) revert Errors.ContingencyPool_TriggersPaused();
        uint256 head = _head;
        uint256 tail = _tail;
        if (head == tail || max == 0) revert Errors.ContingencyPool_NothingToProcess(tail - head, max);
        while (head < tail && processed < max) {
            SupplyChainTypes.Job memory job = _jobs[head];
            (bool current, uint256 confirmedAt) = _isCurrent(job.supplier, job.confirmationId);
            bool dropped = !current;
            uint256 next;
            uint256 total;
            if (!dropped) {
                (next, total) = _processPairs(
                    job.supplier,
                    job.confirmationId,
                    confirmedAt,
                    job.nextPairIndex,
                    max - processed
                );
                processed += next - job.nextPairIndex;
            }
            if (dropped || next >= total) {
                delete _jobs[head];
                emit QueueJobDone(job.supplier, job.confirmationId, head, dropped);
                ++head;
            } else {
                // Safe: next <= MAX_PAIRS_PER_SUPPLIER.
                _jobs[head].nextPairIndex = uint32(next);
            }
        }
        // Safe: head <= tail < 2^128.
        _head = uint128(head);
    }

    /// @inheritdoc IContingencyPool
    function setPoolTerms(uint256 projectId, SupplyChainTypes.PoolTerms calldata terms) external override nonReentrant {
        address firm = _escrow.projectFirm(projectId); // reverts for an unknown project
        if (msg.sender != firm) revert Errors.ContingencyPool_CallerNotFirm(projectId, msg.sender);
        if (terms.exposureBps > _BPS || terms.disruptionBps > terms.exposureBps || terms.repaymentTerm == 0) {
            revert Errors.ContingencyPool_InvalidTerms(terms.exposureBps, terms.disruptionBps, terms.repaymentTerm);
        }
        uint256 maxReportAge = _oracle.maxReportAge();
        if (terms.withdrawalNotice < maxReportAge) {
            revert Errors.ContingencyPool_NoticeTooShort(terms.withdrawalNotice, maxReportAge);
        }
        uint256 listingNotice = _registry.LISTING_NOTICE();
        if (terms.withdrawalNotice > listingNotice) {
            revert Errors.ContingencyPool_NoticeTooLong(terms.withdrawalNotice, listingNotice);
        }
        SupplyChainTypes.Pool storage p = _pools[projectId];
        _applyDueTerms(projectId, p);
        uint256 effectiveAt = block.timestamp;
        if (p.totalShares == 0 || _noLooser(terms, p)) {
            // Nobody's money is bound yet, or no financier is worse off: at once.
            _storeTerms(p, terms.exposureBps, terms.disruptionBps, terms.withdrawalNotice, terms.repaymentTerm);
            delete _pendingTerms[projectId];
        } else {
            // A loosening: only after the notice in force, so a financier who disagrees can leave first.
            effectiveAt += p.config.withdrawalNotice();
            // Safe: block times and notices (<= LISTING_NOTICE) stay far below 2^40.
            _pendingTerms[projectId] = SupplyChainTypes.PendingPoolTerms(
                terms.exposureBps,
                terms.disruptionBps,
                terms.withdrawalNotice,
                terms.repaymentTerm,
                uint40(effectiveAt)
            );
        }
        emit PoolTermsSet(
            projectId,
            terms.exposureBps,
            terms.disruptionBps,
            terms.withdrawalNotice,
            terms.repaymentTerm,
            effectiveAt
        );
    }

    /// @inheritdoc IContingencyPool
    function commit(
        uint256 projectId,
        uint256 amount,
        SupplyChainTypes.PoolTerms calldata accepted
    ) external override nonReentrant returns (uint256 shares) {
        if (amount == 0) revert Errors.ContingencyPool_ZeroAmount();
        SupplyChainTypes.Pool storage p = _pools[projectId];
        IERC20 token = IERC20(p.config.token());
        if (address(token) == address(0)) {
            token = _escrow.projectToken(projectId); // reverts for an unknown project
            p.config = p.config.withToken(address(token));
        }
        if (!_projectTokens[address(token)]) revert Errors.ContingencyPool_TokenNotAllowed(projectId, address(token));
        EscrowTypes.ProjectStatus status = _escrow.projectStatus(projectId);
        if (status != EscrowTypes.ProjectStatus.Active) {
            revert Errors.ContingencyPool_ProjectNotActive(projectId, uint8(status));
        }
        _applyDueTerms(projectId, p);
        _checkAccepted(projectId, p, accepted);
        PoolFunds funds = p.funds;
        uint256 cash = funds.cash();
        uint256 shareDebt = funds.shareDebt();
        // The shareholders' value stays below 2^96, so a disruption's financing (a fraction of it) fits its 96 bits.
        if (cash + shareDebt + amount > type(uint96).max)
            revert Errors.ContingencyPool_AmountTooLarge(projectId, amount);
        uint256 totalShares = p.totalShares;
        // Priced without overdue financing: a newcomer never pays for an earlier default.
        uint256 value = cash + shareDebt - _overdueShare(p, shareDebt);
        shares = totalShares == 0 ? amount : Math.mulDiv(amount, totalShares, Math.max(value, 1));
        if (shares == 0 || totalShares + shares > type(uint128).max) {
            revert Errors.ContingencyPool_AmountTooLarge(projectId, amount);
        }

        // Effects. Safe casts: bounds checked above.
        p.funds = funds.withCash(cash + amount);
        p.totalShares = uint128(totalShares + shares);
        _positions[projectId][msg.sender].shares += uint128(shares);

        _pull(token, projectId, amount);
        emit Committed(projectId, msg.sender, amount, shares);
    }

    /// @inheritdoc IContingencyPool
    function requestWithdrawal(uint256 projectId) external override nonReentrant returns (uint256 executableAt) {
        SupplyChainTypes.Pool storage p = _pools[projectId];
        SupplyChainTypes.Position storage pos = _positions[projectId][msg.sender];
        if (pos.shares == 0) revert Errors.ContingencyPool_NothingToWithdraw(projectId, msg.sender);
        _applyDueTerms(projectId, p);
        executableAt = pos.withdrawableAt;
        if (executableAt == 0 || block.timestamp > executableAt + WITHDRAWAL_WINDOW) {
            executableAt = block.timestamp + p.config.withdrawalNotice();
            // Safe: block times and notices stay far below 2^40.
            pos.withdrawableAt = uint40(executableAt);
        }
        emit WithdrawalRequested(projectId, msg.sender, executableAt);
    }

    /// @inheritdoc IContingencyPool
    function repay(uint256 projectId, uint256 amount) external override nonReentrant {
        address firm = _escrow.projectFirm(projectId);
        if (msg.sender != firm) revert Errors.ContingencyPool_CallerNotFirm(projectId, msg.sender);
        if (amount == 0) revert Errors.ContingencyPool_ZeroAmount();
        SupplyChainTypes.Pool storage p = _pools[projectId];
        _applyDueTerms(projectId, p);
        uint256 claimDebt = p.claimDebt;
        PoolFunds funds = p.funds;
        uint256 shareDebt = funds.shareDebt();
        uint256 outstanding = shareDebt + claimDebt;
        if (amount > outstanding) revert Errors.ContingencyPool_RepayExceedsDebt(projectId, amount, outstanding);

        // Claimants' part, rounded down (the rounding goes to the shareholders); exact when repaid in full.
        uint256 toClaims = amount == outstanding ? claimDebt : Math.mulDiv(amount, claimDebt, outstanding);
        // Safe casts: every value is at most `outstanding` or `cash + outstanding`, both < 2^128; the shareholders'
        // part, ceil(amount * shareDebt / outstanding), is at most shareDebt.
        p.funds = funds.withShareDebt(shareDebt - (amount - toClaims)).withCash(funds.cash() + (amount - toClaims));
        // Repaid in full: the next financing starts a new cycle of due dates.
        if (amount == outstanding) p.epoch = p.epoch.withOldestDueAt(0);
        if (toClaims != 0) {
            p.claimDebt = uint128(claimDebt - toClaims);
            p.claimCash += uint128(toClaims);
            p.claimAcc += uint192((toClaims * _ACC_SCALE) / p.claimUnits);
            if (claimDebt == toClaims) _closeClaimEra(projectId, p);
        }

        _pull(IERC20(p.config.token()), projectId, amount);
        emit Repaid(projectId, msg.sender, amount);
    }

    /// @inheritdoc IContingencyPool
    function setProjectToken(address token, bool allowed) external override onlyOwner {
        _setProjectToken(token, allowed);
    }

    /// @inheritdoc IContingencyPool
    function claimRepayments(uint256 projectId) external override nonReentrant returns (uint256 amount) {
        SupplyChainTypes.Pool storage p = _pools[projectId];
        SupplyChainTypes.Position storage pos = _positions[projectId][msg.sender];
        amount = _settleClaim(projectId, p, pos);
        if (amount == 0) revert Errors.ContingencyPool_NothingToWithdraw(projectId, msg.sender);
        IERC20(p.config.token()).safeTransfer(msg.sender, amount);
        emit Withdrawn(projectId, msg.sender, amount);
    }

    /// @inheritdoc IContingencyPool
    function claimAdvance(
        uint256 projectId,
        address substitute
    ) external override nonReentrant returns (uint256 amount) {
        amount = _owedAdvances[projectId][substitute];
        if (amount == 0) revert Errors.ContingencyPool_NothingOwed(projectId, substitute);
        SupplyChainTypes.Pool storage p = _pools[projectId];
        delete _owedAdvances[projectId][substitute];
        // Safe: `owed` is the sum of the owed advances of the project.
        p.owed -= uint128(amount);
        // A token that still refuses reverts the claim, and the advance stays owed.
        IERC20(p.config.token()).safeTransfer(substitute, amount);
        emit AdvanceClaimed(projectId, substitute, amount, msg.sender);
    }

    /// @inheritdoc IContingencyPool
    function withdraw(uint256 projectId) external override nonReentrant returns (uint256 amount) {
        SupplyChainTypes.Pool storage p = _pools[projectId];
        SupplyChainTypes.Position storage pos = _positions[projectId][msg.sender];
        uint256 shares = pos.shares;
        if (shares == 0 && pos.claimUnits == 0) revert Errors.ContingencyPool_NothingToWithdraw(projectId, msg.sender);
        if (shares != 0) {
            _applyDueTerms(projectId, p);
            if (!_exitsAtOnce(projectId, p)) {
                // Exits by request: only from the notice on, within the window; meanwhile the shares keep sharing.
                uint256 executableAt = pos.withdrawableAt;
                if (executableAt == 0 || block.timestamp > executableAt + WITHDRAWAL_WINDOW) {
                    revert Errors.ContingencyPool_WithdrawalNotRequested(projectId, msg.sender);
                }
                if (block.timestamp < executableAt) {
                    revert Errors.ContingencyPool_WithdrawalNotDue(projectId, msg.sender, executableAt);
                }
            }
            // Queued pairs of this project reserve its liquidity (other projects' jobs do not); claims never wait.
            uint256 reserved = p.reservedUntilJob;
            uint256 head = _head;
            if (reserved > head) revert Errors.ContingencyPool_QueuePending(reserved - head);
        }

        // 1. Claim payouts so far.
        amount = _settleClaim(projectId, p, pos);

        // 2. Exit the shares: the pro-rata cash now, the pro-rata debt as a claim.
        if (shares != 0) {
            uint256 totalShares = p.totalShares;
            PoolFunds funds = p.funds;
            uint256 cashPart = Math.mulDiv(shares, funds.cash(), totalShares);
            uint256 debtPart = Math.mulDiv(shares, funds.shareDebt(), totalShares);
            // Safe casts: each part is at most the value it is taken from.
            p.totalShares = uint128(totalShares - shares);
            p.funds = funds.withCash(funds.cash() - cashPart).withShareDebt(funds.shareDebt() - debtPart);
            pos.shares = 0;
            pos.withdrawableAt = 0;
            amount += cashPart;
            if (debtPart != 0) _openClaim(projectId, p, pos, debtPart);
        }

        if (amount == 0 && shares == 0) revert Errors.ContingencyPool_NothingToWithdraw(projectId, msg.sender);
        if (amount != 0) {
            IERC20(p.config.token()).safeTransfer(msg.sender, amount);
            emit Withdrawn(projectId, msg.sender, amount);
        }
    }

    /*//////////////////////////////////////////////////////////////////////////
                                      PRIVATE
    //////////////////////////////////////////////////////////////////////////*/

    function _setProjectToken(address token, bool allowed) private {
        if (token == address(0)) revert Errors.ContingencyPool_ZeroAddress();
        _projectTokens[token] = allowed;
        emit ProjectTokenSet(token, allowed);
    }

    function _termsOf(SupplyChainTypes.Pool storage p) private view returns (SupplyChainTypes.PoolTerms memory) {
        PoolConfig config = p.config;
        // Safe casts: each field is as wide as its {SupplyChainTypes.PoolTerms} field.
        return
            SupplyChainTypes.PoolTerms(
                uint16(config.exposureBps()),
                uint16(config.disruptionBps()),
                uint32(config.withdrawalNotice()),
                uint32(config.repaymentTerm())
            );
    }

    function _storeTerms(
        SupplyChainTypes.Pool storage p,
        uint16 exposureBps,
        uint16 disruptionBps,
        uint32 withdrawalNotice,
        uint32 repaymentTerm
    ) private {
        p.config = p.config.withTerms(exposureBps, disruptionBps, withdrawalNotice, repaymentTerm);
    }

    /// @dev Whether `terms` make no financier worse off than the terms in force: caps, notice and term no larger.
    function _noLooser(
        SupplyChainTypes.PoolTerms calldata terms,
        SupplyChainTypes.Pool storage p
    ) private view returns (bool) {
        PoolConfig config = p.config;
        return
            terms.exposureBps <= config.exposureBps() &&
            terms.disruptionBps <= config.disruptionBps() &&
            terms.withdrawalNotice <= config.withdrawalNotice() &&
            terms.repaymentTerm <= config.repaymentTerm();
    }

    /// @dev Puts a pending loosening in force once its notice has passed (lazily, by the project's pool calls; until
    /// then the failover keeps the tighter terms in force).
    function _applyDueTerms(uint256 projectId, SupplyChainTypes.Pool storage p) private {
        SupplyChainTypes.PendingPoolTerms memory pending = _pendingTerms[projectId];
        if (pending.effectiveAt == 0 || block.timestamp <= pending.effectiveAt) return;
        _storeTerms(p, pending.exposureBps, pending.disruptionBps, pending.withdrawalNotice, pending.repaymentTerm);
        delete _pendingTerms[projectId];
    }

    /// @dev Reverts unless `accepted` equals the terms the commitment will be bound by: the pending ones while a
    /// change is pending (it applies to this money within less than a notice), otherwise those in force.
    function _checkAccepted(
        uint256 projectId,
        SupplyChainTypes.Pool storage p,
        SupplyChainTypes.PoolTerms calldata accepted
    ) private view {
        SupplyChainTypes.PendingPoolTerms memory pending = _pendingTerms[projectId];
        SupplyChainTypes.PoolTerms memory bound =
            pending.effectiveAt != 0
                ? SupplyChainTypes.PoolTerms(
                    pending.exposureBps,
                    pending.disruptionBps,
                    pending.withdrawalNotice,
                    pending.repaymentTerm
                )
                : _termsOf(p);
        // Every set of terms the firm can set has a repayment term > 0; all zero means none was set.
        if (bound.repaymentTerm == 0) revert Errors.ContingencyPool_TermsNotSet(projectId);
        if (
            accepted.exposureBps != bound.exposureBps ||
            accepted.disruptionBps != bound.disruptionBps ||
            accepted.withdrawalNotice != bound.withdrawalNotice ||
            accepted.repaymentTerm != bound.repaymentTerm
        ) {
            revert Errors.ContingencyPool_TermsMismatch(
                projectId,
                bound.exposureBps,
                bound.disruptionBps,
                bound.withdrawalNotice,
                bound.repaymentTerm
            );
        }
    }

    /// @dev Whether a position's shares may exit without a due request: the project is closed (no financing can
    /// come any more), or nothing is at risk (the terms in force and pending both lend nothing, so the exit shifts no
    /// financing onto anyone).
    function _exitsAtOnce(uint256 projectId, SupplyChainTypes.Pool storage p) private view returns (bool) {
        if (_escrow.projectStatus(projectId) != EscrowTypes.ProjectStatus.Active) return true;
        SupplyChainTypes.PendingPoolTerms storage pending = _pendingTerms[projectId];
        return p.config.exposureBps() == 0 && (pending.effectiveAt == 0 || pending.exposureBps == 0);
    }

    /// @dev Outstanding financing past its due date. Repayments pay the oldest debt first, so of the outstanding debt
    /// the latest financing confirmation's part is min(outstanding, epochFinanced), due at `epochDueAt`; the rest is
    /// earlier debt, due with the oldest financing since the debt was last zero (`oldestDueAt`).
    function _overdue(SupplyChainTypes.Pool storage p) private view returns (uint256 overdue) {
        PoolEpoch epoch = p.epoch;
        uint256 outstanding = p.funds.shareDebt() + p.claimDebt;
        uint256 latest = Math.min(outstanding, epoch.financed());
        if (block.timestamp > epoch.dueAt()) overdue = latest;
        if (block.timestamp > epoch.oldestDueAt()) overdue += outstanding - latest;
    }

    /// @dev The shareholders' part of the overdue financing (repayments are shared pro rata, so overdue debt is too).
    function _overdueShare(SupplyChainTypes.Pool storage p, uint256 shareDebt) private view returns (uint256) {
        if (shareDebt == 0) return 0;
        uint256 overdue = _overdue(p);
        if (overdue == 0) return 0;
        return Math.mulDiv(overdue, shareDebt, shareDebt + p.claimDebt);
    }

    /// @dev Whether `confirmationId` is still `supplier`'s latest confirmation and says "disrupted", and when it
    /// was confirmed (the registry finances only listings that counted then).
    function _isCurrent(
        address supplier,
        uint256 confirmationId
    ) private view returns (bool current, uint256 confirmedAt) {
        (bool disrupted, uint64 since, uint256 latest) = _oracle.supplierStatus(supplier);
        return (disrupted && latest == confirmationId, since);
    }

    function _enqueue(uint256 tail, address supplier, uint256 confirmationId, uint256 next) private {
        // Safe: confirmation ids are sequential from 1; next <= MAX_PAIRS_PER_SUPPLIER; tail < 2^128.
        _jobs[tail] = SupplyChainTypes.Job({
            supplier: supplier,
            confirmationId: uint64(confirmationId),
            nextPairIndex: uint32(next)
        });
        _tail = uint128(tail + 1);
        emit Queued(supplier, confirmationId, tail, next);
        // Reserve the liquidity of every project with a pair still to process (withdrawals of shares wait until this
        // job is done; other projects are not held up). At most MAX_PAIRS_PER_SUPPLIER pairs.
        (, uint256[] memory projectIds, ) = _registry.pairsOf(supplier, next, type(uint256).max);
        uint64 reservation = uint64(tail + 1);
        for (uint256 i = 0; i < projectIds.length; ++i) {
            SupplyChainTypes.Pool storage p = _pools[projectIds[i]];
            if (p.reservedUntilJob != reservation) p.reservedUntilJob = reservation;
        }
    }

    /// @dev Handles the supplier's pairs [start, start + max); returns the next index and the total.
    function _processPairs(
        address supplier,
        uint256 confirmationId,
        uint256 confirmedAt,
        uint256 start,
        uint256 max
    ) private returns (uint256 next, uint256 total) {
        (uint256 count, uint256[] memory projectIds, uint256[] memory componentIds) = _registry.pairsOf(
            supplier,
            start,
            max
        );
        // Each pair travels as a "pair reference": its index in bits 0..7 (< MAX_PAIRS_PER_SUPPLIER) and the
        // confirmation's time above, which the registry's failover needs for every pair (one word, no extra frame).
        // Not a stored word, so not a value type: it lives on the stack only, from here to {_callFailover}'s calldata.
        _handlePairs(supplier, confirmationId, (confirmedAt << 8) | start, projectIds, componentIds);
        // Unchecked: start + length <= count <= MAX_PAIRS_PER_SUPPLIER.
        unchecked {
            return (start + projectIds.length, count);
        }
    }

    /// @dev Finances (or skips) the pairs [start, start + projectIds.length) of `supplier`'s reverse index, from the
    /// pair reference `startRef` of the first (see {_processPairs}; the next pair's reference is one more). The
    /// escrow's status is read once per run of pairs of one project (they often follow each other).
    function _handlePairs(
        address supplier,
        uint256 confirmationId,
        uint256 startRef,
        uint256[] memory projectIds,
        uint256[] memory componentIds
    ) private {
        uint256 n = projectIds.length;
        uint256 lastProjectId;
        bool active;
        // Unchecked: i < n <= MAX_PAIRS_PER_SUPPLIER.
        unchecked {
            for (uint256 i = 0; i < n; ++i) {
                uint256 projectId;
                uint256 componentId;
                // Both arrays have n elements (the registry returns them side by side): read without bounds checks.
                // solhint-disable-next-line no-inline-assembly
                assembly ("memory-safe") {
                    let offset := shl(5, add(i, 1))
                    projectId := mload(add(projectIds, offset))
                    componentId := mload(add(componentIds, offset))
                }
                if (i == 0 || projectId != lastProjectId) {
                    active = _escrow.projectStatus(projectId) == EscrowTypes.ProjectStatus.Active;
                    lastProjectId = projectId;
                }
                if (active) {
                    _financePair(projectId, componentId, supplier, startRef + i, confirmationId);
                } else {
                    _skipClosed(projectId, componentId, supplier, startRef + i, confirmationId);
                }
            }
        }
    }

    /// @dev Finances one affected pair (`pairRef`: see {_processPairs}) of `disrupted`'s reverse index. Hot path:
    /// slots 0-2 of the project's pool ({PoolFunds}, {PoolEpoch}, {PoolConfig}) are read whole once and slots 0-1
    /// written whole. The registry call in between does not touch the pool, so the slots read before it are still
    /// current after it.
    function _financePair(
        uint256 projectId,
        uint256 componentId,
        address disrupted,
        uint256 pairRef,
        uint256 confirmationId
    ) private {
        (uint256 base, PoolFunds s0, PoolEpoch s1, PoolConfig s2) = _poolSlots(projectId);
        (SupplyChainTypes.FailoverOutcome outcome, address substitute, uint256 advance) = _callFailover(
            disrupted,
            pairRef,
            confirmationId,
            _limit(s0, s1, s2, confirmationId, 0)
        );
        if (outcome == SupplyChainTypes.FailoverOutcome.Switched) {
            if (_payAdvance(base, s0, s1, s2, substitute, advance, confirmationId)) {
                emit SubstituteFinanced(projectId, substitute, advance, componentId, disrupted, confirmationId);
            } else {
                _oweAdvance(projectId, componentId, disrupted, confirmationId, substitute, advance);
            }
        } else if (outcome == SupplyChainTypes.FailoverOutcome.OverBudget) {
            // The first limit the advance exceeds.
            SupplyChainTypes.SkipReason reason = SupplyChainTypes.SkipReason(
                _limit(s0, s1, s2, confirmationId, advance)
            );
            emit FinancingSkipped(projectId, componentId, disrupted, confirmationId, reason, advance);
        } else if (outcome == SupplyChainTypes.FailoverOutcome.NoHealthySubstitute) {
            emit FinancingSkipped(
                projectId,
                componentId,
                disrupted,
                confirmationId,
                SupplyChainTypes.SkipReason.NoHealthySubstitute,
                0
            );
        }
        // NotAffected, NotEligible (listed or accepted too late for this confirmation): nothing to do.
    }

    /// @dev A pair of a project the escrow no longer holds Active: offered a budget of 0, the registry switches
    /// none of its components (every advance is at least 1), and an affected pair is skipped as
    /// {SupplyChainTypes.SkipReason.ProjectClosed}.
    function _skipClosed(
        uint256 projectId,
        uint256 componentId,
        address disrupted,
        uint256 pairRef,
        uint256 confirmationId
    ) private {
        (SupplyChainTypes.FailoverOutcome outcome, , uint256 advance) = _callFailover(
            disrupted,
            pairRef,
            confirmationId,
            0
        );
        // NotAffected, NotEligible (listed or accepted too late for this confirmation): nothing to skip.
        if (
            outcome != SupplyChainTypes.FailoverOutcome.NotAffected &&
            outcome != SupplyChainTypes.FailoverOutcome.NotEligible
        ) {
            emit FinancingSkipped(
                projectId,
                componentId,
                disrupted,
                confirmationId,
                SupplyChainTypes.SkipReason.ProjectClosed,
                advance
            );
        }
    }

    /// @dev `_registry.failover(disrupted, pairIndex, confirmationId, confirmedAt, budget)` without the ABI helpers
    /// (hot path: once per affected pair), with the index and time from `pairRef` (see {_processPairs}). Bubbles up a
    /// registry revert; the registry is our own immutable collaborator and returns three words.
    function _callFailover(
        address disrupted,
        uint256 pairRef,
        uint256 confirmationId,
        uint256 budget
    ) private returns (SupplyChainTypes.FailoverOutcome outcome, address substitute, uint256 advance) {
        address registry_ = address(_registry);
        bytes4 selector = ISupplyChainRegistry.failover.selector;
        uint256 rawOutcome;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, selector)
            mstore(add(ptr, 0x04), disrupted)
            mstore(add(ptr, 0x24), and(pairRef, 0xff)) // the pair's index
            mstore(add(ptr, 0x44), confirmationId)
            mstore(add(ptr, 0x64), shr(8, pairRef)) // when the confirmation was confirmed
            mstore(add(ptr, 0x84), budget)
            if iszero(call(gas(), registry_, 0, ptr, 0xa4, ptr, 0x60)) {
                returndatacopy(ptr, 0, returndatasize())
                revert(ptr, returndatasize())
            }
            if lt(returndatasize(), 0x60) {
                revert(0, 0)
            }
            rawOutcome := mload(ptr)
            substitute := and(mload(add(ptr, 0x20)), 0xffffffffffffffffffffffffffffffffffffffff)
            advance := mload(add(ptr, 0x40))
        }
        // The registry returns a valid outcome; the conversion checks it all the same.
        outcome = SupplyChainTypes.FailoverOutcome(rawOutcome);
    }

    /// @dev The storage slot of the project's pool (`base`) and its slots 0-2, read whole (hot path).
    function _poolSlots(
        uint256 projectId
    ) private view returns (uint256 base, PoolFunds s0, PoolEpoch s1, PoolConfig s2) {
        SupplyChainTypes.Pool storage p = _pools[projectId];
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            base := p.slot
            s0 := sload(base)
            s1 := sload(add(base, 1))
            s2 := sload(add(base, 2))
        }
    }

    /// @dev From the pool's slots 0-2 (see {_financePair}). With `advance` = 0: the most the pool can pay now for
    /// `confirmationId` (its cash, the room under the exposure cap and the room under this disruption's cap; both
    /// caps are basis points of the shareholders' value at face, cash + shareDebt, which a financing leaves unchanged).
    /// With an `advance` above that budget: the {SupplyChainTypes.SkipReason} (as a number) of the first limit it
    /// exceeds.
    function _limit(
        PoolFunds s0,
        PoolEpoch s1,
        PoolConfig s2,
        uint256 confirmationId,
        uint256 advance
    ) private pure returns (uint256) {
        uint256 cash = s0.cash();
        uint256 shareDebt = s0.shareDebt();
        uint256 exposureLeft;
        uint256 disruptionLeft;
        // Unchecked: value < 2^129, times a 16-bit fraction stays far below 2^256; each difference is taken only
        // when positive.
        unchecked {
            uint256 value = cash + shareDebt;
            uint256 exposureCap = (value * s2.exposureBps()) / _BPS;
            uint256 disruptionCap = (value * s2.disruptionBps()) / _BPS;
            uint256 epochFinanced = s1.confirmationId() == confirmationId ? s1.financed() : 0;
            exposureLeft = exposureCap > shareDebt ? exposureCap - shareDebt : 0;
            disruptionLeft = disruptionCap > epochFinanced ? disruptionCap - epochFinanced : 0;
        }
        if (advance == 0) {
            // The least of the three (inline: hot path).
            uint256 budget = exposureLeft < disruptionLeft ? exposureLeft : disruptionLeft;
            return cash < budget ? cash : budget;
        }
        if (advance > cash) return uint256(SupplyChainTypes.SkipReason.InsufficientLiquidity);
        if (advance > exposureLeft) return uint256(SupplyChainTypes.SkipReason.ExposureCapReached);
        return uint256(SupplyChainTypes.SkipReason.DisruptionCapReached);
    }

    /// @dev The token refused to pay `advance` (already booked as financed) to `substitute`: it stays owed to it,
    /// held in the pool, payable by {claimAdvance}. One refusing token so never blocks the oracle or the queue,
    /// and never loses the substitute its advance.
    function _oweAdvance(
        uint256 projectId,
        uint256 componentId,
        address disrupted,
        uint256 confirmationId,
        address substitute,
        uint256 advance
    ) private {
        _owedAdvances[projectId][substitute] += advance;
        // Safe: advance <= the cash just booked out of the pool, which is < 2^128 together with `owed`.
        _pools[projectId].owed += uint128(advance);
        emit AdvanceOwed(projectId, substitute, advance, componentId, disrupted, confirmationId);
    }

    /// @dev Books `advance` in slots 0-1 of the pool at storage slot `base` (read before as `s0`-`s2`) and pays
    /// it; returns false when the token refuses the transfer (the booking stands: see {_oweAdvance}).
    function _payAdvance(
        uint256 base,
        PoolFunds s0,
        PoolEpoch s1,
        PoolConfig s2,
        address substitute,
        uint256 advance,
        uint256 confirmationId
    ) private returns (bool paid) {
        // Effects first. Unchecked (the two with-setters and the due date): the registry switched only because
        // advance <= the budget, which is at most the cash (so cash does not underflow, and shareDebt + advance stays
        // below cash + shareDebt < 2^96, see {commit}) and the room under the disruption cap, a fraction of that
        // value (so the epoch's financing stays below 2^96); confirmation ids never reach 2^64, nor times 2^40.
        PoolFunds n0 = s0.withFinancing(advance);
        PoolEpoch n1;
        if (s1.confirmationId() == confirmationId) {
            // More financing of the same confirmation: its due date stands; its financing grows.
            n1 = s1.withMoreFinanced(advance);
            // The debt was repaid in full since (oldestDueAt = 0): it restarts, due with this confirmation.
            if (s1.oldestDueAt() == 0) n1 = n1.withOldestDueAt(s1.dueAt());
        } else {
            // A new confirmation: its financing is due repaymentTerm from now; the oldest debt's due date stands
            // unless there is no debt yet.
            uint256 dueAt;
            unchecked {
                dueAt = block.timestamp + s2.repaymentTerm();
            }
            uint256 oldestDueAt = s1.oldestDueAt();
            if (oldestDueAt == 0) oldestDueAt = dueAt;
            n1 = PoolEpochLib.pack(confirmationId, advance, dueAt, oldestDueAt);
        }
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            sstore(base, n0)
            sstore(add(base, 1), n1)
        }
        paid = _transferBounded(s2.token(), substitute, advance);
    }

    /// @dev `token.transfer(to, amount)` with at most {ADVANCE_TRANSFER_GAS} gas and 32 bytes of returndata copied
    /// (so a gas-burning or returndata-bombing token of one project cannot make the oracle's transaction fail for
    /// the others). Succeeds like SafeERC20: no revert, and `true` or nothing returned by a contract. In
    /// {processQueue} it reverts when fewer than the bound are left, so a keeper cannot starve a good token into
    /// "refused" (and gas estimation finds the right limit). In the oracle's callback it cannot (the oracle catches
    /// the revert, so estimation would settle on a limit that always fails): a starved transfer there reads as
    /// refused and the advance stays owed, payable by anyone's {claimAdvance}.
    function _transferBounded(address token, address to, uint256 amount) private returns (bool ok) {
        uint256 bound = ADVANCE_TRANSFER_GAS;
        if (msg.sender != address(_oracle)) {
            uint256 needed = bound + bound / 63 + _TRANSFER_CALL_RESERVE;
            if (gasleft() < needed) revert Errors.ContingencyPool_InsufficientGas(gasleft(), needed);
        }
        bytes4 selector = IERC20.transfer.selector;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, selector)
            mstore(add(ptr, 0x04), and(to, 0xffffffffffffffffffffffffffffffffffffffff))
            mstore(add(ptr, 0x24), amount)
            mstore(0x00, 0)
            ok := call(bound, token, 0, ptr, 0x44, 0x00, 0x20)
            if ok {
                switch returndatasize()
                case 0 {
                    ok := gt(extcodesize(token), 0)
                }
                default {
                    ok := and(gt(returndatasize(), 0x1f), eq(mload(0x00), 1))
                }
            }
        }
    }

    /// @dev Pulls exactly `amount` from the caller; refuses tokens that deliver another amount.
    function _pull(IERC20 token, uint256 projectId, uint256 amount) private {
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = token.balanceOf(address(this)) - before;
        if (received != amount) revert Errors.ContingencyPool_UnexpectedBalanceChange(projectId, amount, received);
    }

    /// @dev Settles the position's claim: what it earned since its last settlement leaves `claimCash` (the caller
    /// pays it out).
    function _settleClaim(
        uint256 projectId,
        SupplyChainTypes.Pool storage p,
        SupplyChainTypes.Position storage pos
    ) private returns (uint256 payout) {
        if (pos.claimUnits == 0) return 0;
        bool eraClosed;
        (payout, eraClosed) = _claimPayout(projectId, p, pos);
        if (eraClosed) {
            pos.claimUnits = 0;
        } else {
            pos.claimAccPaid = p.claimAcc;
        }
        // Safe: payouts never exceed what repayments credited to claimants.
        p.claimCash -= uint128(payout);
    }

    /// @dev What the position's claim has earned since its last settlement, and whether its era has closed.
    function _claimPayout(
        uint256 projectId,
        SupplyChainTypes.Pool storage p,
        SupplyChainTypes.Position storage pos
    ) private view returns (uint256 payout, bool eraClosed) {
        uint256 units = pos.claimUnits;
        if (units == 0) return (0, false);
        eraClosed = pos.claimEra != p.claimEra;
        uint256 acc = eraClosed ? _eraAcc[projectId][pos.claimEra] : p.claimAcc;
        payout = Math.mulDiv(units, acc - pos.claimAccPaid, _ACC_SCALE);
    }

    /// @dev Turns `debt` of the shareholders' part of outstanding financing into a claim of the position.
    /// The position's claim was settled just before (its units are 0 or belong to the current era).
    function _openClaim(
        uint256 projectId,
        SupplyChainTypes.Pool storage p,
        SupplyChainTypes.Position storage pos,
        uint256 debt
    ) private {
        uint256 claimDebt = p.claimDebt;
        uint256 claimUnits = p.claimUnits;
        if (claimUnits != 0 && claimDebt * _MIN_CLAIM_PRICE_INVERSE < claimUnits) {
            // The era's residue (< 1e-9 per unit) goes back to the shareholders' part of the debt.
            p.funds = p.funds.withShareDebt(p.funds.shareDebt() + claimDebt);
            p.claimDebt = 0;
            claimDebt = 0;
            _closeClaimEra(projectId, p);
            claimUnits = 0;
            if (pos.claimUnits != 0) {
                // Settled above at the era's final acc, so nothing more is owed to these units.
                pos.claimUnits = 0;
            }
        }
        uint256 units = claimUnits == 0 ? debt : Math.mulDiv(debt, claimUnits, claimDebt);
        // Safe casts: debt <= outstanding < 2^128; units <= debt * 1e9 stays far below 2^128 for real supplies.
        p.claimDebt = uint128(claimDebt + debt);
        p.claimUnits = uint128(claimUnits + units);
        pos.claimUnits += uint128(units);
        pos.claimEra = p.claimEra;
        pos.claimAccPaid = p.claimAcc;
        emit ClaimOpened(projectId, msg.sender, debt, units);
    }

    function _closeClaimEra(uint256 projectId, SupplyChainTypes.Pool storage p) private {
        uint64 era = p.claimEra;
        _eraAcc[projectId][era] = p.claimAcc;
        p.claimEra = era + 1;
        p.claimAcc = 0;
        p.claimUnits = 0;
    }
}
