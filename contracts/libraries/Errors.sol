// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Errors
/// @notice Every custom error of rd-chain-finance, grouped by contract and named `<Contract>_<Condition>`.
/// Each carries the values a user (or the dashboard's error decoder) needs to see what was wrong.
library Errors {
    /*//////////////////////////////////////////////////////////////////////////
                                  DEMO STABLECOIN
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice Thrown when minting is attempted on a chain that is not a local development chain.
    error DemoStablecoin_MintingDisabledOnChain(uint256 chainId);

    /*//////////////////////////////////////////////////////////////////////////
                                     RDESCROW
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice Thrown when a project's token is the zero address or has no code.
    error RDEscrow_InvalidToken(address token);

    /// @notice Thrown when a project's verifier is the zero address or the firm itself.
    error RDEscrow_InvalidVerifier(address verifier, address firm);

    /// @notice Thrown when a project has no milestones or more than the maximum.
    error RDEscrow_InvalidMilestoneCount(uint256 count, uint256 max);

    /// @notice Thrown when a milestone's budget is zero.
    error RDEscrow_ZeroBudget(uint256 milestoneIndex);

    /// @notice Thrown when the first milestone's deadline is not after the current block's timestamp.
    error RDEscrow_DeadlineNotInFuture(uint256 milestoneIndex, uint256 deadline, uint256 blockTimestamp);

    /// @notice Thrown when a milestone's deadline is not strictly after the previous milestone's deadline.
    error RDEscrow_DeadlinesNotIncreasing(uint256 milestoneIndex, uint256 deadline, uint256 previousDeadline);

    /// @notice Thrown when a milestone's stage is lower than the previous milestone's stage.
    error RDEscrow_StageRegression(uint256 milestoneIndex, uint8 stage, uint8 previousStage);

    /// @notice Thrown when the sum of a project's budgets does not fit in 128 bits.
    error RDEscrow_TargetTooLarge(uint256 target);

    /// @notice Thrown when a project id was never created.
    error RDEscrow_ProjectNotFound(uint256 projectId);

    /// @notice Thrown when an action needs an Active project and the project is in another status.
    error RDEscrow_ProjectNotActive(uint256 projectId, uint8 status);

    /// @notice Thrown when a firm-only action is called by another account.
    error RDEscrow_CallerNotFirm(uint256 projectId, address caller);

    /// @notice Thrown when a verifier-only action is called by another account.
    error RDEscrow_CallerNotVerifier(uint256 projectId, address caller);

    /// @notice Thrown when an amount is zero.
    error RDEscrow_ZeroAmount();

    /// @notice Thrown when funding would take the project beyond its target; `remaining` is the room left.
    error RDEscrow_OverFunding(uint256 projectId, uint256 amount, uint256 remaining);

    /// @notice Thrown when a funding transfer grew the escrow's balance by nothing or by more than `amount`.
    error RDEscrow_UnexpectedBalanceChange(uint256 projectId, uint256 amount, uint256 received);

    /// @notice Thrown when a milestone index is not below the project's milestone count.
    error RDEscrow_MilestoneNotFound(uint256 projectId, uint256 milestoneIndex, uint256 milestoneCount);

    /// @notice Thrown when submitting a milestone that is already Submitted or Approved.
    error RDEscrow_MilestoneNotSubmittable(uint256 projectId, uint256 milestoneIndex, uint8 status);

    /// @notice Thrown when approving or rejecting a milestone that is not Submitted.
    error RDEscrow_MilestoneNotSubmitted(uint256 projectId, uint256 milestoneIndex, uint8 status);

    /// @notice Thrown when submitting or approving a milestone after its deadline.
    error RDEscrow_MilestoneDeadlinePassed(uint256 projectId, uint256 milestoneIndex, uint256 deadline);

    /// @notice Thrown when approving a milestone before every earlier milestone is approved.
    error RDEscrow_MilestoneOutOfOrder(uint256 projectId, uint256 milestoneIndex, uint256 nextToApprove);

    /// @notice Thrown when approving a milestone whose budget (with the earlier ones) is not funded yet.
    error RDEscrow_InsufficientFunding(uint256 projectId, uint256 milestoneIndex, uint256 funded, uint256 required);

    /// @notice Thrown when paying from a milestone that is not Approved.
    error RDEscrow_MilestoneNotApproved(uint256 projectId, uint256 milestoneIndex);

    /// @notice Thrown when a payment exceeds the milestone's remaining budget.
    error RDEscrow_BudgetExceeded(uint256 projectId, uint256 milestoneIndex, uint256 amount, uint256 remaining);

    /// @notice Thrown when the payee is neither the firm nor a supplier registered for the project.
    error RDEscrow_PayeeNotAllowed(uint256 projectId, address payee);

    /// @notice Thrown when an account other than the registry tries to change a project's payees.
    error RDEscrow_CallerNotRegistry(address caller);

    /// @notice Thrown when a payment names the zero invoice hash.
    error RDEscrow_ZeroInvoiceHash();

    /// @notice Thrown when the payee's invoice was already paid, by any project.
    error RDEscrow_InvoiceAlreadyPaid(address payee, bytes32 invoiceHash);

    /// @notice Thrown when paying a supplier the disruption oracle holds disrupted (confirmed at `since`, Unix
    /// seconds) without a release of that invoice by the project's verifier.
    error RDEscrow_PayeeDisrupted(address payee, uint256 since);

    /// @notice Thrown when the verifier releases an invoice to a payee the oracle does not hold disrupted.
    error RDEscrow_PayeeNotDisrupted(address payee);

    /// @notice Thrown when closing a project before the grace period after its last deadline is over.
    error RDEscrow_GracePeriodNotOver(uint256 projectId, uint256 closableAfter);

    /// @notice Thrown when a verifier names a successor that is zero, itself, the firm or a financier.
    error RDEscrow_InvalidSuccessor(uint256 projectId, address successor);

    /// @notice Thrown when marking a project failed although its next milestone's deadline has not passed.
    error RDEscrow_DeadlineNotPassed(uint256 projectId, uint256 milestoneIndex, uint256 deadline);

    /// @notice Thrown when marking failed a project whose milestones are all approved.
    error RDEscrow_AllMilestonesApproved(uint256 projectId);

    /// @notice Thrown when completing a project before every milestone is approved.
    error RDEscrow_MilestonesPending(uint256 projectId, uint256 approvedCount, uint256 milestoneCount);

    /// @notice Thrown when claiming a refund from a project that is not Failed, Cancelled or Completed.
    error RDEscrow_RefundsNotOpen(uint256 projectId, uint8 status);

    /// @notice Thrown when claiming a refund without a contribution to the project.
    error RDEscrow_NoContribution(uint256 projectId, address financier);

    /// @notice Thrown when claiming a refund a second time.
    error RDEscrow_RefundAlreadyClaimed(uint256 projectId, address financier);

    /// @notice Thrown when a Research-stage milestone is declared capitalised (research is always expensed).
    error RDEscrow_ResearchStageCapitalised(uint256 milestoneIndex);

    /// @notice Thrown when a financier flags its contribution as fiscal funds a second time.
    error RDEscrow_FiscalFundsAlreadyFlagged(uint256 projectId, address financier);

    /*//////////////////////////////////////////////////////////////////////////
                                 DISRUPTION ORACLE
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice Thrown when a report (or a signature) comes from an account that is not an active reporter.
    error DisruptionOracle_UnknownReporter(address account);

    /// @notice Thrown when a reporter votes a second time in the same round for the same supplier (for a relayed
    /// batch: when every signature in it was already counted; `reporter` is the last of them).
    error DisruptionOracle_DuplicateVote(address supplier, address reporter);

    /// @notice Thrown when a report says it was observed after the current block's timestamp.
    error DisruptionOracle_ObservedInFuture(uint64 observedAt, uint256 blockTimestamp);

    /// @notice Thrown when a report was observed longer ago than the maximum report age allows.
    error DisruptionOracle_StaleReport(uint64 observedAt, uint256 oldestAccepted);

    /// @notice Thrown when a report was observed before the supplier's last confirmed change of state.
    error DisruptionOracle_ReportPredatesLastConfirmation(address supplier, uint64 observedAt, uint64 confirmedAt);

    /// @notice Thrown when a report would not change the supplier's confirmed state.
    error DisruptionOracle_ReportWouldNotChangeState(address supplier, bool disrupted);

    /// @notice Thrown when a signed report refers to a confirmation that is no longer the supplier's latest.
    error DisruptionOracle_OutdatedReport(address supplier, uint64 currentConfirmationId, uint64 reportConfirmationId);

    /// @notice Thrown when `submitSignedReports` is called without signatures.
    error DisruptionOracle_NoSignatures();

    /// @notice Thrown when the quorum would be zero or above the number of active reporters.
    error DisruptionOracle_InvalidQuorum(uint256 quorum, uint256 reporterCount);

    /// @notice Thrown when the maximum report age is zero.
    error DisruptionOracle_InvalidMaxReportAge(uint256 maxReportAge);

    /// @notice Thrown when an address that must be set is the zero address.
    error DisruptionOracle_ZeroAddress();

    /// @notice Thrown when adding a reporter that is already active.
    error DisruptionOracle_ReporterAlreadyActive(address reporter);

    /// @notice Thrown when every reporter slot of this deployment has been used.
    error DisruptionOracle_ReporterCapacityReached(uint256 capacity);

    /// @notice Thrown when adding a subscriber that is already subscribed.
    error DisruptionOracle_SubscriberAlreadyAdded(address subscriber);

    /// @notice Thrown when adding a subscriber that has no code (only contracts are notified).
    error DisruptionOracle_SubscriberWithoutCode(address subscriber);

    /// @notice Thrown when removing an address that is not a subscriber.
    error DisruptionOracle_SubscriberNotFound(address subscriber);

    /// @notice Thrown when all subscriber slots are taken.
    error DisruptionOracle_TooManySubscribers(uint256 capacity);

    /// @notice Thrown when asking to deliver a confirmation that has no pending notification.
    error DisruptionOracle_NothingToDeliver(uint256 confirmationId);

    /// @notice Thrown when delivering notifications while automatic triggering is paused.
    error DisruptionOracle_TriggersPaused();

    /// @notice Thrown when pausing while paused or unpausing while not paused.
    error DisruptionOracle_PauseUnchanged(bool paused);

    /*//////////////////////////////////////////////////////////////////////////
                               SUPPLY CHAIN REGISTRY
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice Thrown when a constructor argument or a supplier address is the zero address.
    error SupplyChainRegistry_ZeroAddress();

    /// @notice Thrown when a firm-only function is called by an account that is not the project's firm.
    error SupplyChainRegistry_CallerNotFirm(uint256 projectId, address caller);

    /// @notice Thrown when `failover` is called by an account other than the contingency pool.
    error SupplyChainRegistry_CallerNotPool(address caller);

    /// @notice Thrown when a supplier's region code is zero.
    error SupplyChainRegistry_InvalidRegion(bytes2 region);

    /// @notice Thrown when a component names (or a firm adds) a supplier that is not registered.
    error SupplyChainRegistry_SupplierNotRegistered(address supplier);

    /// @notice Thrown when the firm removes a supplier that is not an allowed payee of its project.
    error SupplyChainRegistry_NotProjectPayee(uint256 projectId, address supplier);

    /// @notice Thrown when a component lists no substitutes or more than the maximum.
    error SupplyChainRegistry_InvalidSubstituteCount(uint256 count, uint256 max);

    /// @notice Thrown when a project id does not fit 32 bits or a component id 16 bits (the reverse index packs both).
    error SupplyChainRegistry_IdTooLarge(uint256 projectId, uint256 componentId);

    /// @notice Thrown when a component lists the same supplier twice (as primary or substitute).
    error SupplyChainRegistry_DuplicateSupplier(address supplier);

    /// @notice Thrown when a substitute's advance is zero or above `max`.
    error SupplyChainRegistry_InvalidAdvance(uint256 index, uint256 advance, uint256 max);

    /// @notice Thrown when a supplier is already listed in the maximum number of (project, component) pairs.
    error SupplyChainRegistry_TooManyPairs(address supplier, uint256 max);

    /// @notice Thrown when a component id does not exist in the project.
    error SupplyChainRegistry_ComponentNotFound(uint256 projectId, uint256 componentId);

    /// @notice Thrown when switching a component to a supplier that is neither its primary nor a substitute.
    error SupplyChainRegistry_NotComponentSupplier(uint256 projectId, uint256 componentId, address supplier);

    /// @notice Thrown when switching a component to its current supplier.
    error SupplyChainRegistry_AlreadyCurrent(uint256 projectId, uint256 componentId, address supplier);

    /// @notice Thrown when a supplier the oracle holds disrupted would be named in a new component, accept a
    /// listing, leave an accepted listing, or become a component's current supplier (wait until it recovered).
    error SupplyChainRegistry_SupplierDisrupted(address supplier);

    /// @notice Thrown when a component names the project's firm or its verifier as a substitute.
    error SupplyChainRegistry_SubstituteNotIndependent(uint256 projectId, address supplier);

    /// @notice Thrown when accepting or leaving a listing the supplier already declined or left (final).
    error SupplyChainRegistry_ListingClosed(uint256 projectId, uint256 componentId, address supplier);

    /// @notice Thrown when accepting a listing that is already accepted.
    error SupplyChainRegistry_ListingAlreadyAccepted(uint256 projectId, uint256 componentId, address supplier);

    /// @notice Thrown when switching a component to a supplier that has not accepted its listing (or left it).
    error SupplyChainRegistry_ListingNotAccepted(uint256 projectId, uint256 componentId, address supplier);

    /// @notice Thrown when a signed record or listing acceptance is submitted after its deadline.
    error SupplyChainRegistry_SignatureExpired(uint256 deadline, uint256 timestamp);

    /// @notice Thrown when a signature is not the named supplier's (EOA or ERC-1271 wallet) over the submitted
    /// record or listing (also when it was made for another nonce).
    error SupplyChainRegistry_InvalidSignature(address supplier);

    /// @notice Thrown when the failover names a pair index beyond the supplier's reverse index.
    error SupplyChainRegistry_PairNotFound(address supplier, uint256 pairIndex);

    /*//////////////////////////////////////////////////////////////////////////
                                  CONTINGENCY POOL
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice Thrown when a constructor argument is the zero address.
    error ContingencyPool_ZeroAddress();

    /// @notice Thrown when the subscriber callback comes from an account other than the pool's oracle.
    error ContingencyPool_CallerNotOracle(address caller);

    /// @notice Thrown when a firm-only function is called by an account that is not the project's firm.
    error ContingencyPool_CallerNotFirm(uint256 projectId, address caller);

    /// @notice Thrown when an amount is zero.
    error ContingencyPool_ZeroAmount();

    /// @notice Thrown when a commitment's allowances are inconsistent: the exposure allowance must be at most
    /// the amount, and the per-disruption allowance at most the exposure allowance.
    error ContingencyPool_InvalidAllowance(uint256 amount, uint256 exposureAllowance, uint256 disruptionAllowance);

    /// @notice Thrown when a commitment would take the pool's cash or a cap beyond what its storage holds.
    error ContingencyPool_AmountTooLarge(uint256 projectId, uint256 amount);

    /// @notice Thrown when a commitment's transfer grew the pool's balance by another amount than requested.
    error ContingencyPool_UnexpectedBalanceChange(uint256 projectId, uint256 amount, uint256 received);

    /// @notice Thrown when a repayment exceeds what the firm owes the project's pool.
    error ContingencyPool_RepayExceedsDebt(uint256 projectId, uint256 amount, uint256 outstanding);

    /// @notice Thrown when a financier has nothing to withdraw from a project's pool.
    error ContingencyPool_NothingToWithdraw(uint256 projectId, address financier);

    /// @notice Thrown when exiting shares of a project whose pairs wait in the queue (their triggers reserve its
    /// liquidity); `pendingJobs` = jobs to process before the project's last queued job is done.
    error ContingencyPool_QueuePending(uint256 pendingJobs);

    /// @notice Thrown when fewer than `needed` gas are left for an advance's bounded token transfer (send more gas;
    /// a starved transfer must not read as a refusal).
    error ContingencyPool_InsufficientGas(uint256 gasLeft, uint256 needed);

    /// @notice Thrown when `processQueue` is called with an empty queue or `max` = 0.
    error ContingencyPool_NothingToProcess(uint256 pendingJobs, uint256 max);

    /// @notice Thrown when committing to a project whose token is not on the deployment's list of project tokens.
    error ContingencyPool_TokenNotAllowed(uint256 projectId, address token);

    /// @notice Thrown when committing to a project the escrow does not hold Active (failed, cancelled, completed);
    /// `status` is its {EscrowTypes.ProjectStatus} as a number.
    error ContingencyPool_ProjectNotActive(uint256 projectId, uint8 status);

    /// @notice Thrown when claiming an advance although nothing is owed to `substitute` in the project.
    error ContingencyPool_NothingOwed(uint256 projectId, address substitute);

    /// @notice Thrown when `processQueue` is called while the oracle's guardian has paused automatic triggers.
    error ContingencyPool_TriggersPaused();
}
