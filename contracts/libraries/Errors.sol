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
                                 DISRUPTION ORACLE
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice Thrown when a report (or a signature) comes from an account that is not an active reporter.
    error DisruptionOracle_UnknownReporter(address account);

    /// @notice Thrown when a reporter votes a second time in the same round for the same supplier.
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
}
