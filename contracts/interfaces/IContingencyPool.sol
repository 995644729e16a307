// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { IDisruptionSubscriber } from "./IDisruptionSubscriber.sol";
import { SupplyChainTypes } from "../types/SupplyChainTypes.sol";

/// @title IContingencyPool
/// @notice Substitute-supplier financing. Financiers commit liquidity to a project's pool (in the project's
/// token). When the oracle confirms that a supplier is disrupted, every (project, component) pair whose current
/// supplier it is switches to the first listed substitute that is not disrupted, and that substitute receives its
/// agreed advance from the project's pool in the same transaction, recorded as owed by the project's firm.
///
/// Notes:
/// - Terms. Each project's pool has terms the same for every financier ({SupplyChainTypes.PoolTerms}): an exposure
///   cap and a per-disruption cap, both in basis points of the pool's value at face (shareholders' cash + their part
///   of outstanding financing), a withdrawal notice and a repayment term. The firm sets them ({setPoolTerms}). Before
///   any commitment (no shares) they apply at once; afterwards tightening (no field worse for financiers: caps and
///   notice and term not larger) applies at once, loosening only from the current withdrawal notice later
///   ({pendingPoolTerms}), so a financier who disagrees can request its exit and leave first. Every commitment names
///   the terms it accepts (the pending ones while a change is pending). Since the shareholders' debt never exceeds
///   `exposureBps` of the value and each shareholder owns the same fraction of both, no financier's share of the
///   debt ever exceeds `exposureBps` of its own position (and of one disruption's financing, `disruptionBps`),
///   whoever else commits or leaves. A pool whose terms lend nothing (`exposureBps` = 0) finances nothing.
/// - Exits. A financier requests its exit ({requestWithdrawal}) and executes it ({withdraw}) from `withdrawalNotice`
///   later, within {WITHDRAWAL_WINDOW} (then it lapses) (at least the oracle's `maxReportAge`, so one who sees an open round of votes cannot leave before the
///   confirming vote); meanwhile its position keeps sharing new financing. A position may leave at once when the
///   project is closed (the escrow holds it no longer Active) or when it has nothing at risk: the pool's terms in
///   force and pending both lend nothing (`exposureBps` = 0), so its exit shifts no financing onto anyone. A claim
///   (the debt kept at an exit) never waits.
/// - Due dates. A financing is due `repaymentTerm` after it was made: the latest financing confirmation's financing
///   carries its own due date (`epochDueAt`); all earlier debt is due with the oldest financing made since the
///   debt was last zero (`oldestDueAt`). Repayments pay the oldest debt first. Debt past its due date is overdue
///   ({overdueFinancing}) and counts for nothing when a new commitment is priced, so a newcomer never pays for an
///   earlier default; a late repayment goes, like any repayment, pro rata to the shareholders of the moment
///   (newcomers included: they bought at the written-down price) and to the claimants.
/// - Queue. At most `MAX_PAIRS_PER_CALLBACK` pairs are handled in the oracle's transaction; the rest of the
///   supplier's pairs wait as a job in a FIFO queue that anyone advances with {processQueue}. While any job
///   waits, a new confirmation is queued behind it whole. A job reserves the liquidity of the projects of its
///   remaining pairs only: their financiers cannot exit shares until it is done ({processQueue} is
///   permissionless, so anyone can clear the way); other projects' withdrawals and every claim payout
///   ({claimRepayments}, {claimAdvance}) never wait.
/// - Isolation. An advance's transfer gets at most {ADVANCE_TRANSFER_GAS} gas and 32 bytes of returndata, so a
///   hostile token of one project cannot make the oracle's transaction fail for other projects.
/// - Closed projects. A project the escrow no longer holds Active (failed, cancelled, completed) takes no
///   commitment, and a disruption switches none of its components: each affected pair is skipped with
///   {SupplyChainTypes.SkipReason.ProjectClosed} (its financiers' cash stays theirs to withdraw).
/// - Refused advances. Every affected pair ends paid ({SubstituteFinanced}), owed ({AdvanceOwed}: the token
///   refused the transfer; the advance is booked and kept for the substitute, payable by {claimAdvance}) or
///   skipped with a reason ({FinancingSkipped}).
/// - Idempotency. A pair is financed at most once per confirmation id (the registry stores it with the
///   component); a job whose confirmation is no longer the supplier's latest, or whose supplier recovered, is
///   dropped. A recovery pays nothing.
/// - Shares. Shares are priced at the pool's net asset value (cash + the shareholders' part of outstanding
///   financing that is not overdue). {withdraw} exits a financier completely: it pays the pro-rata share of the cash now and turns
///   the pro-rata share of outstanding financing into a claim that later repayments pay out, pro rata with the
///   shareholders' part. So every financier receives a pro-rata share of unused liquidity and repayments,
///   whatever the order of withdrawals.
/// - Dust. Every division rounds down (in the pool's favour); the remainder stays in the pool: in `cash` for
///   the shareholders, or in `claimCash` when it comes from claim payouts. A claim era ends when the
///   claimants' debt is repaid in full (or shrinks below 1e-9 of its units, then that residue, at most a few
///   wei per unit-billion, moves to the shareholders' debt).
interface IContingencyPool is IDisruptionSubscriber {
    /*//////////////////////////////////////////////////////////////////////////
                                       EVENTS
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice Tokens moved from a financier into a project's pool, under the pool's terms.
    /// @param projectId The project.
    /// @param financier The committer.
    /// @param amount Units of the project token's decimals.
    /// @param shares Pool shares minted (priced at the pool's value without overdue financing).
    event Committed(uint256 indexed projectId, address indexed financier, uint256 amount, uint256 shares);

    /// @notice The firm set its pool's terms.
    /// @param projectId The project.
    /// @param exposureBps Max shareholders' outstanding financing, basis points of the pool's value.
    /// @param disruptionBps Max financing per confirmation, basis points of the pool's value.
    /// @param withdrawalNotice Seconds from a withdrawal request to its execution.
    /// @param repaymentTerm Seconds from a financing to its due date.
    /// @param effectiveAt When they are in force (the block's time when at once; later for a loosening).
    event PoolTermsSet(
        uint256 indexed projectId,
        uint256 exposureBps,
        uint256 disruptionBps,
        uint256 withdrawalNotice,
        uint256 repaymentTerm,
        uint256 effectiveAt
    );

    /// @notice A financier requested to exit its shares. No tokens moved.
    /// @param projectId The project.
    /// @param financier The financier.
    /// @param executableAt From when {withdraw} executes it (Unix seconds).
    event WithdrawalRequested(uint256 indexed projectId, address indexed financier, uint256 executableAt);

    /// @notice Tokens moved from a project's pool to a substitute supplier, owed by the project's firm.
    /// @param projectId The project.
    /// @param substitute The substitute that became the component's current supplier.
    /// @param amount The agreed advance, in units of the token's decimals.
    /// @param componentId The component.
    /// @param disruptedSupplier The supplier the oracle confirmed disrupted.
    /// @param disruptionId The oracle's confirmation id.
    event SubstituteFinanced(
        uint256 indexed projectId,
        address indexed substitute,
        uint256 amount,
        uint256 componentId,
        address indexed disruptedSupplier,
        uint256 disruptionId
    );

    /// @notice The token refused to pay a substitute its advance: the pair is financed (switched, owed by the firm,
    /// counted against the caps) and the advance stays in the pool, owed to the substitute until {claimAdvance}.
    /// No tokens moved. Same parameters as {SubstituteFinanced}.
    event AdvanceOwed(
        uint256 indexed projectId,
        address indexed substitute,
        uint256 amount,
        uint256 componentId,
        address indexed disruptedSupplier,
        uint256 disruptionId
    );

    /// @notice Tokens moved from a project's pool to a substitute: the advances owed to it ({AdvanceOwed}).
    /// @param projectId The project.
    /// @param substitute The substitute paid.
    /// @param amount Everything that was owed to it in the project.
    /// @param caller Who called {claimAdvance} (anyone).
    event AdvanceClaimed(uint256 indexed projectId, address indexed substitute, uint256 amount, address caller);

    /// @notice Tokens moved from the project's firm into its pool.
    event Repaid(uint256 indexed projectId, address indexed firm, uint256 amount);

    /// @notice Tokens moved from a project's pool to a financier.
    event Withdrawn(uint256 indexed projectId, address indexed financier, uint256 amount);

    /// @notice An affected pair was not financed.
    /// @param projectId The project.
    /// @param componentId The component.
    /// @param disruptedSupplier The disrupted supplier.
    /// @param confirmationId The oracle's confirmation id.
    /// @param reason Why (see {SupplyChainTypes.SkipReason}).
    /// @param advance The advance that did not fit (0 when no healthy substitute was left; for ProjectClosed the
    /// first healthy substitute's advance, or 0).
    event FinancingSkipped(
        uint256 indexed projectId,
        uint256 indexed componentId,
        address indexed disruptedSupplier,
        uint256 confirmationId,
        SupplyChainTypes.SkipReason reason,
        uint256 advance
    );

    /// @notice A disruption's remaining pairs wait in the queue.
    /// @param supplier The disrupted supplier.
    /// @param confirmationId The oracle's confirmation id.
    /// @param jobId The job's position in the queue.
    /// @param nextPairIndex The first pair of the supplier's reverse index still to process.
    event Queued(address indexed supplier, uint256 indexed confirmationId, uint256 jobId, uint256 nextPairIndex);

    /// @notice The owner added a token to (or removed it from) the list of tokens projects' pools may hold.
    event ProjectTokenSet(address indexed token, bool allowed);

    /// @notice A queued job left the queue.
    /// @param dropped True when its confirmation was no longer current (recovered or confirmed again since).
    event QueueJobDone(address indexed supplier, uint256 indexed confirmationId, uint256 jobId, bool dropped);

    /// @notice A financier's shares were converted into a claim on future repayments when withdrawing.
    event ClaimOpened(uint256 indexed projectId, address indexed financier, uint256 debt, uint256 units);

    /*//////////////////////////////////////////////////////////////////////////
                                     READ-ONLY
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice Pairs handled in the oracle's transaction; the rest is queued.
    function MAX_PAIRS_PER_CALLBACK() external view returns (uint256);

    /// @notice Gas an advance's token transfer gets at most (its returndata beyond 32 bytes is never copied). A
    /// token that needs more is treated as refusing: the advance stays owed ({AdvanceOwed}, {claimAdvance}).
    function ADVANCE_TRANSFER_GAS() external view returns (uint256);

    /// @notice Seconds a due withdrawal request stays executable; after that it lapses and a new request starts a
    /// new notice (so an early request cannot become a standing instant exit).
    function WITHDRAWAL_WINDOW() external view returns (uint256);

    /// @notice The registry of components and substitutes.
    function registry() external view returns (address);

    /// @notice The escrow that names each project's firm and token.
    function escrow() external view returns (address);

    /// @notice The only oracle whose callbacks are accepted.
    function oracle() external view returns (address);

    /// @notice Whether projects in `token` may have a pool (take commitments). The list is the deployment's,
    /// changed only by the owner ({setProjectToken}).
    function isProjectToken(address token) external view returns (bool);

    /// @notice A project's pool accounting.
    function getPool(uint256 projectId) external view returns (SupplyChainTypes.PoolView memory);

    /// @notice The pool terms in force for `projectId` (all zero until the firm set them).
    function poolTerms(uint256 projectId) external view returns (SupplyChainTypes.PoolTerms memory);

    /// @notice A loosening of the terms the firm set that is not in force yet.
    /// @return terms The pending terms (zero when none).
    /// @return effectiveAt From when they are in force (0 = none pending). Applied by the first call of
    /// {setPoolTerms}, {commit}, {requestWithdrawal}, {withdraw} or {repay} of the project from then on; until
    /// then the failover uses the terms in force.
    function pendingPoolTerms(
        uint256 projectId
    ) external view returns (SupplyChainTypes.PoolTerms memory terms, uint256 effectiveAt);

    /// @notice A financier's withdrawal request.
    /// @return executableAt From when {withdraw} executes it (0 = none requested, or it lapsed).
    /// @return lapsesAt Until when it may execute ({WITHDRAWAL_WINDOW} after `executableAt`; 0 = none).
    /// @return exitsAtOnce Whether its shares may leave now without a request (the project is closed, or the
    /// pool's terms in force and pending lend nothing).
    function withdrawalRequest(
        uint256 projectId,
        address financier
    ) external view returns (uint256 executableAt, uint256 lapsesAt, bool exitsAtOnce);

    /// @notice Outstanding financing of `projectId` past its due date (see the notes on due dates), shareholders'
    /// and claimants' parts together.
    function overdueFinancing(uint256 projectId) external view returns (uint256);

    /// @notice A financier's position in a project's pool.
    function getPosition(uint256 projectId, address financier) external view returns (SupplyChainTypes.Position memory);

    /// @notice Tokens of `projectId` the pool holds by its own accounting: shareholders' cash + claimants' cash +
    /// advances owed to substitutes.
    function poolBalance(uint256 projectId) external view returns (uint256);

    /// @notice The advances owed to `substitute` in `projectId` (financed, but refused by the token): what
    /// {claimAdvance} pays it.
    function owedAdvance(uint256 projectId, address substitute) external view returns (uint256);

    /// @notice What {withdraw} would pay `financier` once it may execute (ignoring the queue's reservation and the
    /// notice).
    function withdrawable(uint256 projectId, address financier) external view returns (uint256 amount);

    /// @notice Jobs waiting in the queue.
    function pendingJobs() external view returns (uint256);

    /// @notice The job at the head of the queue (zero when empty).
    function nextJob() external view returns (SupplyChainTypes.Job memory);

    /*//////////////////////////////////////////////////////////////////////////
                                  STATE-CHANGING
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice The project's firm sets its pool's terms.
    /// @dev Emits {PoolTermsSet}. Before any commitment (no shares) and for a tightening (no field larger than in
    /// force) they apply at once and drop a pending change; otherwise they are pending until `withdrawalNotice` (the
    /// one in force) later, replacing any pending change.
    ///
    /// Requirements:
    /// - the caller is the project's firm (`ContingencyPool_CallerNotFirm`);
    /// - `disruptionBps` <= `exposureBps` <= 10000 and `repaymentTerm` > 0 (`ContingencyPool_InvalidTerms`);
    /// - the oracle's `maxReportAge` <= `withdrawalNotice` (`ContingencyPool_NoticeTooShort`) <= the registry's
    ///   `LISTING_NOTICE` (`ContingencyPool_NoticeTooLong`), so a listing counts only after a financier who
    ///   disagrees could leave, and nobody can leave between a round's first vote and its confirmation.
    function setPoolTerms(uint256 projectId, SupplyChainTypes.PoolTerms calldata terms) external;

    /// @notice Commits `amount` of the project's token (the caller must have approved it) to the project's pool,
    /// under the terms `accepted`.
    /// @dev Emits {Committed}. Shares are priced at the pool's value without its overdue financing.
    ///
    /// Requirements:
    /// - the project's token is on the deployment's list ({isProjectToken}; `ContingencyPool_TokenNotAllowed`), so
    ///   the only token calls in the oracle's transaction are to tokens the deployment named;
    /// - the project exists in the escrow and is Active there (`ContingencyPool_ProjectNotActive` once it failed,
    ///   was cancelled or completed); `amount` > 0;
    /// - the firm set terms (`ContingencyPool_TermsNotSet`), and `accepted` equals them, or the pending terms while
    ///   a change is pending (`ContingencyPool_TermsMismatch`, with the terms to name);
    /// - the pool's balance grows by exactly `amount` (fee-on-transfer tokens are refused).
    /// @param projectId The project.
    /// @param amount Units of the token's decimals.
    /// @param accepted The pool terms the financier agrees to.
    /// @return shares Shares minted to the caller.
    function commit(
        uint256 projectId,
        uint256 amount,
        SupplyChainTypes.PoolTerms calldata accepted
    ) external returns (uint256 shares);

    /// @notice Requests the exit of the caller's shares, executable by {withdraw} from `withdrawalNotice` (of the
    /// terms in force) later, during {WITHDRAWAL_WINDOW}. Until then the position keeps sharing new financing. A
    /// request that has not lapsed stands (calling again changes nothing and emits it again).
    /// @dev Emits {WithdrawalRequested}. Requirements: the caller has shares (`ContingencyPool_NothingToWithdraw`).
    /// @return executableAt From when the exit may execute.
    function requestWithdrawal(uint256 projectId) external returns (uint256 executableAt);

    /// @notice Repays `amount` of the project's outstanding financing (any time, partially).
    /// @dev Emits {Repaid}. Repayments are split between shareholders and claimants pro rata to their parts
    /// of the debt.
    ///
    /// Requirements: the caller is the project's firm; 0 < `amount` <= outstanding; the pool's balance grows
    /// by exactly `amount`.
    function repay(uint256 projectId, uint256 amount) external;

    /// @notice Pays the caller its pro-rata share of the project's cash and its claim payouts so far, and turns
    /// its share of outstanding financing into a claim on later repayments.
    /// @dev Emits {Withdrawn} when tokens move, {ClaimOpened} when a claim is opened.
    ///
    /// Requirements: the caller has shares or a claim; when it has shares: its request is due
    /// (`ContingencyPool_WithdrawalNotRequested`, `ContingencyPool_WithdrawalNotDue` with the date) unless it may exit
    /// at once ({withdrawalRequest}: closed project, or terms that lend nothing), and no queued job still has pairs
    /// of this project (`ContingencyPool_QueuePending`; use {claimRepayments} to collect claim payouts meanwhile).
    /// @return amount What was paid, in units of the token's decimals.
    function withdraw(uint256 projectId) external returns (uint256 amount);

    /// @notice Adds `token` to (`allowed`) or removes it from the tokens projects' pools may hold. Owner only.
    /// @dev Emits {ProjectTokenSet}. A removed token takes no new commitments; pools already holding it keep
    /// financing, repaying and paying out (removal never strands money). Requirements: `token` is not zero.
    function setProjectToken(address token, bool allowed) external;

    /// @notice Pays the caller its claim payouts so far (repayments of the debt it kept when it withdrew), without
    /// exiting its shares. Never blocked by the queue.
    /// @dev Emits {Withdrawn}. Requirements: something to pay (`ContingencyPool_NothingToWithdraw`).
    /// @return amount What was paid.
    function claimRepayments(uint256 projectId) external returns (uint256 amount);

    /// @notice Pays `substitute` the advances it is owed in `projectId` (those the token refused when they were
    /// financed). Anyone may call it, any time (also while triggers are paused or jobs wait); the tokens always
    /// go to the substitute.
    /// @dev Emits {AdvanceClaimed}. Requirements: something is owed (`ContingencyPool_NothingOwed`); the token
    /// pays (a refusal reverts, and the advance stays owed for a later call).
    /// @return amount What was paid.
    function claimAdvance(uint256 projectId, address substitute) external returns (uint256 amount);

    /// @notice Processes up to `max` queued pairs (anyone may call it, keeper-style).
    /// @dev Emits per pair {SubstituteFinanced}, {AdvanceOwed} or {FinancingSkipped} (or nothing when the pair is not
    /// affected any more), and {QueueJobDone} per finished job. Requirements: the oracle's triggers are not paused
    /// ({IDisruptionOracle.triggersPaused}: pause means pause, for queued financing too); a job waits; `max` > 0.
    /// @return processed Pairs looked at.
    function processQueue(uint256 max) external returns (uint256 processed);
}
