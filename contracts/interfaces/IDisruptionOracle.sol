// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { ISupplierStatusSource } from "./ISupplierStatusSource.sol";
import { OracleTypes } from "../types/OracleTypes.sol";

/// @title IDisruptionOracle
/// @notice A disruption oracle run by a set of N reporters (oracle nodes) with a quorum M: a supplier's state
/// flips when M reporters agree within one round, and the flip notifies subscribers in the same transaction.
/// Reporters vote on-chain with {report}, or sign off-chain (EIP-712) so that one relayer carries a whole
/// quorum with {submitSignedReports}.
///
/// Notes:
/// - Every vote in a round is a vote to flip the supplier's current state, so "disrupted" and "recovered"
///   votes can never mix in one round: a report that would not change the state is refused.
/// - A round expires `maxReportAge` seconds after its first vote; its ballots then no longer count.
/// - A removed reporter's pending votes stop counting at once; reporter slots are never reused.
/// - Changing the quorum keeps the votes already cast; a lowered quorum confirms on the next vote.
/// - A subscriber that reverts never blocks a confirmation: the oracle emits
///   {SubscriberNotificationFailed} and anyone may retry with {deliver}. While the guardian has paused
///   triggers, confirmations still record and their notifications wait for {deliver} after {unpause}.
interface IDisruptionOracle is ISupplierStatusSource {
    /*//////////////////////////////////////////////////////////////////////////
                                       EVENTS
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice Emitted for every accepted vote.
    /// @param supplier The supplier reported on.
    /// @param reporter The reporter whose vote was counted.
    /// @param disrupted The state the vote asks for.
    /// @param evidenceHash Hash of the evidence document (news report, sanction notice, inspection record).
    /// @param observedAt When the reporter observed it (Unix seconds).
    /// @param votes Votes in the round after this one.
    /// @param quorum Votes needed.
    event DisruptionReported(
        address indexed supplier,
        address indexed reporter,
        bool disrupted,
        bytes32 evidenceHash,
        uint64 observedAt,
        uint256 votes,
        uint256 quorum
    );

    /// @notice Emitted when a quorum confirms that a supplier is disrupted.
    /// @param supplier The supplier now disrupted.
    /// @param confirmationId The id of this confirmation.
    /// @param evidenceHash The evidence hash of the vote that reached the quorum.
    event DisruptionConfirmed(address indexed supplier, uint256 indexed confirmationId, bytes32 evidenceHash);

    /// @notice Emitted when a quorum confirms that a disrupted supplier has recovered.
    /// @param supplier The supplier now healthy.
    /// @param confirmationId The id of this confirmation.
    /// @param evidenceHash The evidence hash of the vote that reached the quorum.
    event RecoveryConfirmed(address indexed supplier, uint256 indexed confirmationId, bytes32 evidenceHash);

    /// @notice Emitted when a subscriber has been notified of a confirmation.
    event SubscriberNotified(uint256 indexed confirmationId, address indexed subscriber);

    /// @notice Emitted when a subscriber reverted on a notification; {deliver} retries it.
    /// @param reason The subscriber's revert data, cut to its first {MAX_REASON_BYTES} bytes (decode it with the
    /// subscriber's ABI).
    event SubscriberNotificationFailed(uint256 indexed confirmationId, address indexed subscriber, bytes reason);

    /// @notice Emitted when a confirmation's notifications wait because triggers are paused.
    event NotificationsDeferred(uint256 indexed confirmationId);

    /// @notice Emitted when the admin adds a reporter.
    event ReporterAdded(address indexed reporter, uint256 index);

    /// @notice Emitted when the admin removes a reporter.
    event ReporterRemoved(address indexed reporter);

    /// @notice Emitted when the admin sets the quorum.
    event QuorumChanged(uint256 quorum, uint256 reporterCount);

    /// @notice Emitted when the admin adds a subscriber.
    event SubscriberAdded(address indexed subscriber);

    /// @notice Emitted when the admin removes a subscriber.
    event SubscriberRemoved(address indexed subscriber);

    /// @notice Emitted when the guardian pauses or unpauses automatic triggers.
    event TriggersPaused(bool paused);

    /*//////////////////////////////////////////////////////////////////////////
                                     READ-ONLY
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice How many bytes of a failed subscriber's revert data are kept in {SubscriberNotificationFailed}.
    function MAX_REASON_BYTES() external view returns (uint256);

    /// @notice The oracle's configuration.
    /// @return reporterCount Active reporters (N).
    /// @return quorum Votes needed to confirm (M).
    /// @return reportAge Seconds a report (`maxReportAge`) stays valid and a round stays open.
    /// @return paused Whether automatic triggers are paused.
    /// @return lastConfirmationId The id of the latest confirmation (0 if none).
    function config()
        external
        view
        returns (uint256 reporterCount, uint256 quorum, uint256 reportAge, bool paused, uint256 lastConfirmationId);

    /// @notice Whether `account` is an active reporter.
    function isReporter(address account) external view returns (bool);

    /// @notice The open round of votes to flip `supplier`'s state.
    /// @return votes Counted votes from still-active reporters (0 when the round expired).
    /// @return startedAt First vote of the round (Unix seconds, 0 if none).
    function openRound(address supplier) external view returns (uint256 votes, uint64 startedAt);

    /// @notice Whether `reporter` has a counted vote in `supplier`'s open round.
    function hasVoted(address supplier, address reporter) external view returns (bool);

    /// @notice The subscribers notified on every confirmation (zero addresses are free slots).
    function subscribers() external view returns (address[] memory);

    /// @notice The notification of `confirmationId` still owed to subscribers, if any.
    function pendingDelivery(uint256 confirmationId) external view returns (OracleTypes.PendingDelivery memory);

    /// @notice The EIP-712 digest a reporter signs for `report`.
    function reportDigest(OracleTypes.Report calldata report) external view returns (bytes32);

    /*//////////////////////////////////////////////////////////////////////////
                                  STATE-CHANGING
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice Votes that `supplier` is disrupted (or recovered). The vote that reaches the quorum flips the
    /// supplier's state and notifies the subscribers in the same transaction.
    /// @dev Emits {DisruptionReported}; on confirmation also {DisruptionConfirmed} or {RecoveryConfirmed}, and
    /// {SubscriberNotified}, {SubscriberNotificationFailed} or {NotificationsDeferred} per subscriber.
    ///
    /// Requirements:
    /// - the caller is an active reporter;
    /// - `observedAt` is not in the future, not older than `maxReportAge`, and not before the supplier's last
    ///   confirmation;
    /// - `disrupted` differs from the supplier's confirmed state;
    /// - the caller has not voted in the supplier's open round.
    /// @param supplier The supplier reported on.
    /// @param disrupted True for "disrupted", false for "recovered".
    /// @param evidenceHash Hash of the evidence document.
    /// @param observedAt When the reporter observed the event (Unix seconds).
    function report(address supplier, bool disrupted, bytes32 evidenceHash, uint64 observedAt) external;

    /// @notice Counts the votes of every reporter that signed `report` (EIP-712) and confirms when they reach
    /// the quorum; anyone may relay.
    /// @dev Same checks and events as {report}, per signature. A signature for an older state of the supplier
    /// (another `lastConfirmationId`), from another domain (chain or contract) or of another report recovers
    /// to a non-reporter and is refused. A signature already counted in the round (relayed first by someone
    /// else, or twice in the batch) is skipped, so front-running one signature cannot sink the batch; the batch
    /// reverts with `DisruptionOracle_DuplicateVote` only when none of its signatures counts.
    /// @param report The signed report.
    /// @param signatures The reporters' signatures (65-byte r, s, v), one per reporter.
    function submitSignedReports(OracleTypes.Report calldata report, bytes[] calldata signatures) external;

    /// @notice Delivers a confirmation's pending notifications (after a subscriber reverted, or after
    /// triggers were unpaused). Anyone may call it.
    /// @dev Requirements: triggers are not paused; the confirmation has a pending notification.
    /// Emits {SubscriberNotified} or {SubscriberNotificationFailed} per pending subscriber.
    function deliver(uint256 confirmationId) external;

    /// @notice Adds an active reporter. Admin only. Emits {ReporterAdded}.
    function addReporter(address reporter) external;

    /// @notice Removes a reporter; its votes in open rounds stop counting. Admin only.
    /// @dev Requirements: the quorum stays <= the number of reporters left (lower it first).
    /// Emits {ReporterRemoved}.
    function removeReporter(address reporter) external;

    /// @notice Sets the quorum M (1 <= M <= N). Admin only. Emits {QuorumChanged}.
    function setQuorum(uint256 quorum) external;

    /// @notice Adds a contract to notify on confirmations. Admin only. Emits {SubscriberAdded}.
    /// @dev Requirements: `subscriber` has code (`DisruptionOracle_SubscriberWithoutCode`), is not subscribed
    /// yet, and a slot is free. A subscriber's failure is caught whatever it does: it gets the gas the oracle
    /// has left (63/64), and at most {MAX_REASON_BYTES} of its revert data are copied and emitted.
    function addSubscriber(address subscriber) external;

    /// @notice Removes a subscriber. Admin only. Emits {SubscriberRemoved}.
    function removeSubscriber(address subscriber) external;

    /// @notice Pauses automatic triggers: confirmations still record, notifications wait. Guardian only.
    /// Emits {TriggersPaused}.
    function pause() external;

    /// @notice Resumes automatic triggers; waiting notifications go out through {deliver}. Guardian only.
    /// Emits {TriggersPaused}.
    function unpause() external;
}
