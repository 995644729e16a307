// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { AccessControl } from "@openzeppelin/contracts/access/AccessControl.sol";
import { ECDSA } from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import { EIP712 } from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import { ReentrancyGuardTransient } from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import { ISupplierStatusSource } from "../interfaces/ISupplierStatusSource.sol";
import { IDisruptionSubscriber } from "../interfaces/IDisruptionSubscriber.sol";
import { IDisruptionOracle } from "../interfaces/IDisruptionOracle.sol";
import { Errors } from "../libraries/Errors.sol";
import { OracleTypes } from "../types/OracleTypes.sol";

/// @title DisruptionOracle
/// @notice M-of-N reporters confirm that a supplier is disrupted or has recovered; the confirming vote
/// notifies subscribers (the contingency pool) in the same transaction. See {IDisruptionOracle}.
/// @dev Gas: a supplier's confirmed state, its open round and the round's ballots (a reporter bitmap) share
/// one storage slot, and the oracle's configuration another, so a vote costs two slot reads and one write.
contract DisruptionOracle is IDisruptionOracle, AccessControl, EIP712, ReentrancyGuardTransient {
    /*//////////////////////////////////////////////////////////////////////////
                                     CONSTANTS
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice The role that may pause and unpause automatic triggers.
    bytes32 public constant GUARDIAN_ROLE = keccak256("GUARDIAN_ROLE");

    /// @notice How many reporters this deployment can ever add (slots are never reused; 64 = bitmap width).
    uint256 public constant REPORTER_CAPACITY = 64;

    /// @notice How many subscribers can be notified.
    uint256 public constant SUBSCRIBER_CAPACITY = 4;

    /// @notice How many bytes of a failed subscriber's revert data the oracle keeps (and emits). The rest is not
    /// copied, so a subscriber that reverts with a huge payload cannot make the confirming vote run out of gas.
    uint256 public constant override MAX_REASON_BYTES = 256;

    /// @dev EIP-712 type hash of {OracleTypes.Report}.
    bytes32 private constant _REPORT_TYPEHASH = keccak256(
        "Report(address supplier,bool disrupted,bytes32 evidenceHash,uint64 observedAt,uint64 lastConfirmationId)"
    );

    /*//////////////////////////////////////////////////////////////////////////
                                       STATE
    //////////////////////////////////////////////////////////////////////////*/

    OracleTypes.Config private _config;

    /// @dev Subscriber slots used so far (removed subscribers leave a zero slot, so pending masks stay valid).
    uint8 private _subscriberSlotsUsed;

    mapping(uint256 slot => address subscriber) private _subscriberAt;

    /// @dev Reporter index + 1 (0 = not an active reporter).
    mapping(address account => uint8 indexPlusOne) private _reporterSlot;

    mapping(address supplier => OracleTypes.SupplierState state) private _states;

    mapping(uint256 confirmationId => OracleTypes.PendingDelivery pending) private _pending;

    /*//////////////////////////////////////////////////////////////////////////
                                    CONSTRUCTOR
    //////////////////////////////////////////////////////////////////////////*/

    /// @param admin Manages reporters, quorum and subscribers (ideally a multisig). Never moves funds.
    /// @param guardian May pause and unpause automatic triggers.
    /// @param maxReportAge_ Seconds a report stays valid and a round stays open (e.g. 1 day).
    /// @param reporters The initial reporters.
    /// @param quorum The initial quorum (1 <= quorum <= reporters.length).
    constructor(
        address admin,
        address guardian,
        uint40 maxReportAge_,
        address[] memory reporters,
        uint256 quorum
    ) EIP712("RDCF Disruption Oracle", "1") {
        if (admin == address(0) || guardian == address(0)) revert Errors.DisruptionOracle_ZeroAddress();
        if (maxReportAge_ == 0) revert Errors.DisruptionOracle_InvalidMaxReportAge(maxReportAge_);
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(GUARDIAN_ROLE, guardian);
        _config.maxReportAge = maxReportAge_;
        for (uint256 i = 0; i < reporters.length; ++i) {
            _addReporter(reporters[i]);
        }
        _setQuorum(quorum);
    }

    /*//////////////////////////////////////////////////////////////////////////
                                     READ-ONLY
    //////////////////////////////////////////////////////////////////////////*/

    /// @inheritdoc ISupplierStatusSource
    function isDisrupted(address supplier) external view override returns (bool) {
        return _states[supplier].disrupted;
    }

    /// @inheritdoc ISupplierStatusSource
    function supplierStatus(
        address supplier
    ) external view override returns (bool disrupted, uint64 since, uint256 confirmationId) {
        OracleTypes.SupplierState memory state = _states[supplier];
        return (state.disrupted, state.since, state.confirmationId);
    }

    /// @inheritdoc ISupplierStatusSource
    function triggersPaused() external view override returns (bool) {
        return _config.paused;
    }

    /// @inheritdoc ISupplierStatusSource
    function maxReportAge() external view override returns (uint256) {
        return _config.maxReportAge;
    }

    /// @inheritdoc IDisruptionOracle
    function config()
        external
        view
        override
        returns (uint256 reporterCount, uint256 quorum, uint256 reportAge, bool paused, uint256 lastConfirmationId)
    {
        OracleTypes.Config memory c = _config;
        return (c.reporterCount, c.quorum, c.maxReportAge, c.paused, c.lastConfirmationId);
    }

    /// @inheritdoc IDisruptionOracle
    function isReporter(address account) external view override returns (bool) {
        return _reporterSlot[account] != 0;
    }

    /// @inheritdoc IDisruptionOracle
    function openRound(address supplier) external view override returns (uint256 votes, uint64 startedAt) {
        OracleTypes.Config memory c = _config;
        OracleTypes.SupplierState memory state = _states[supplier];
        uint64 ballots = _liveBallots(state, c);
        return (_popCount(ballots), ballots == 0 ? 0 : state.roundStartedAt);
    }

    /// @inheritdoc IDisruptionOracle
    function hasVoted(address supplier, address reporter) external view override returns (bool) {
        uint256 slot = _reporterSlot[reporter];
        if (slot == 0) return false;
        return _liveBallots(_states[supplier], _config) & uint64(1 << (slot - 1)) != 0;
    }

    /// @inheritdoc IDisruptionOracle
    function subscribers() external view override returns (address[] memory list) {
        uint256 used = _subscriberSlotsUsed;
        list = new address[](used);
        for (uint256 i = 0; i < used; ++i) {
            list[i] = _subscriberAt[i];
        }
    }

    /// @inheritdoc IDisruptionOracle
    function pendingDelivery(
        uint256 confirmationId
    ) external view override returns (OracleTypes.PendingDelivery memory) {
        return _pending[confirmationId];
    }

    /// @inheritdoc IDisruptionOracle
    function reportDigest(OracleTypes.Report calldata report_) public view override returns (bytes32) {
        return
            _hashTypedDataV4(
                keccak256(
                    abi.encode(
                        _REPORT_TYPEHASH,
                        report_.supplier,
                        report_.disrupted,
                        report_.evidenceHash,
                        report_.observedAt,
                        report_.lastConfirmationId
                    )
                )
            );
    }

    /*//////////////////////////////////////////////////////////////////////////
                                  STATE-CHANGING
    //////////////////////////////////////////////////////////////////////////*/

    /// @inheritdoc IDisruptionOracle
    function report(
        address supplier,
        bool disrupted,
        bytes32 evidenceHash,
        uint64 observedAt
    ) external override nonReentrant {
        OracleTypes.Report memory vote = OracleTypes.Report(supplier, disrupted, evidenceHash, observedAt, 0);
        OracleTypes.Config memory c = _config;
        OracleTypes.SupplierState memory state = _states[supplier];
        _checkReport(c, state, vote);
        _countVote(c, state, vote, msg.sender, true);
        _settle(c, state, vote);
    }

    /// @inheritdoc IDisruptionOracle
    function submitSignedReports(
        OracleTypes.Report calldata report_,
        bytes[] calldata signatures
    ) external override nonReentrant {
        if (signatures.length == 0) revert Errors.DisruptionOracle_NoSignatures();
        OracleTypes.Report memory vote = report_;
        OracleTypes.Config memory c = _config;
        OracleTypes.SupplierState memory state = _states[vote.supplier];
        if (vote.lastConfirmationId != state.confirmationId) {
            revert Errors.DisruptionOracle_OutdatedReport(vote.supplier, state.confirmationId, vote.lastConfirmationId);
        }
        _checkReport(c, state, vote);
        bytes32 digest = reportDigest(report_);
        // A signature already counted (e.g. front-run by someone who relayed it first) is skipped, so one copied
        // signature cannot make the relayer's whole batch revert; the batch reverts only when none counts.
        bool counted;
        address duplicate;
        for (uint256 i = 0; i < signatures.length; ++i) {
            address signer = ECDSA.recover(digest, signatures[i]);
            if (_countVote(c, state, vote, signer, false)) {
                counted = true;
            } else {
                duplicate = signer;
            }
        }
        if (!counted) revert Errors.DisruptionOracle_DuplicateVote(vote.supplier, duplicate);
        _settle(c, state, vote);
    }

    /// @inheritdoc IDisruptionOracle
    function deliver(uint256 confirmationId) external override nonReentrant {
        if (_config.paused) revert Errors.DisruptionOracle_TriggersPaused();
        OracleTypes.PendingDelivery memory pending = _pending[confirmationId];
        if (pending.subscriberMask == 0) revert Errors.DisruptionOracle_NothingToDeliver(confirmationId);
        uint8 stillPending = _notify(confirmationId, pending.supplier, pending.disrupted, pending.subscriberMask);
        if (stillPending == 0) {
            delete _pending[confirmationId];
        } else {
            _pending[confirmationId].subscriberMask = stillPending;
        }
    }

    /// @inheritdoc IDisruptionOracle
    function addReporter(address reporter) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        _addReporter(reporter);
    }

    /// @inheritdoc IDisruptionOracle
    function removeReporter(address reporter) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        uint256 slot = _reporterSlot[reporter];
        if (slot == 0) revert Errors.DisruptionOracle_UnknownReporter(reporter);
        OracleTypes.Config storage c = _config;
        uint256 remaining = c.reporterCount - 1;
        if (c.quorum > remaining) revert Errors.DisruptionOracle_InvalidQuorum(c.quorum, remaining);
        delete _reporterSlot[reporter];
        c.activeReporterMask &= ~uint64(1 << (slot - 1));
        c.reporterCount = uint8(remaining);
        emit ReporterRemoved(reporter);
    }

    /// @inheritdoc IDisruptionOracle
    function setQuorum(uint256 quorum) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        _setQuorum(quorum);
    }

    /// @inheritdoc IDisruptionOracle
    function addSubscriber(address subscriber) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        if (subscriber == address(0)) revert Errors.DisruptionOracle_ZeroAddress();
        // A call to an address without code "succeeds" without running anything; worse, Solidity's own calls to it
        // revert in the caller. Only contracts are notified.
        if (subscriber.code.length == 0) revert Errors.DisruptionOracle_SubscriberWithoutCode(subscriber);
        uint256 used = _subscriberSlotsUsed;
        uint256 free = type(uint256).max;
        for (uint256 i = 0; i < used; ++i) {
            address current = _subscriberAt[i];
            if (current == subscriber) revert Errors.DisruptionOracle_SubscriberAlreadyAdded(subscriber);
            if (current == address(0) && free == type(uint256).max) free = i;
        }
        if (free == type(uint256).max) {
            if (used == SUBSCRIBER_CAPACITY) revert Errors.DisruptionOracle_TooManySubscribers(SUBSCRIBER_CAPACITY);
            free = used;
            _subscriberSlotsUsed = uint8(used + 1);
        }
        _subscriberAt[free] = subscriber;
        emit SubscriberAdded(subscriber);
    }

    /// @inheritdoc IDisruptionOracle
    function removeSubscriber(address subscriber) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        uint256 used = _subscriberSlotsUsed;
        for (uint256 i = 0; i < used; ++i) {
            if (_subscriberAt[i] == subscriber && subscriber != address(0)) {
                delete _subscriberAt[i];
                emit SubscriberRemoved(subscriber);
                return;
            }
        }
        revert Errors.DisruptionOracle_SubscriberNotFound(subscriber);
    }

    /// @inheritdoc IDisruptionOracle
    function pause() external override onlyRole(GUARDIAN_ROLE) {
        _setPaused(true);
    }

    /// @inheritdoc IDisruptionOracle
    function unpause() external override onlyRole(GUARDIAN_ROLE) {
        _setPaused(false);
    }

    /*//////////////////////////////////////////////////////////////////////////
                                      PRIVATE
    //////////////////////////////////////////////////////////////////////////*/

    /// @dev Refuses a report that is in the future, stale, older than the last confirmation, or no change.
    function _checkReport(
        OracleTypes.Config memory c,
        OracleTypes.SupplierState memory state,
        OracleTypes.Report memory vote
    ) private view {
        uint64 observedAt = vote.observedAt;
        if (observedAt > block.timestamp) {
            revert Errors.DisruptionOracle_ObservedInFuture(observedAt, block.timestamp);
        }
        uint256 oldestAccepted = block.timestamp > c.maxReportAge ? block.timestamp - c.maxReportAge : 0;
        if (observedAt < oldestAccepted) revert Errors.DisruptionOracle_StaleReport(observedAt, oldestAccepted);
        if (observedAt < state.since) {
            revert Errors.DisruptionOracle_ReportPredatesLastConfirmation(vote.supplier, observedAt, state.since);
        }
        if (state.disrupted == vote.disrupted) {
            revert Errors.DisruptionOracle_ReportWouldNotChangeState(vote.supplier, vote.disrupted);
        }
    }

    /// @dev Adds `reporter`'s vote to the open round held in `state` (memory; stored by {_settle}). A vote already
    /// in the round reverts when `strict`, else is skipped (returns false).
    function _countVote(
        OracleTypes.Config memory c,
        OracleTypes.SupplierState memory state,
        OracleTypes.Report memory vote,
        address reporter,
        bool strict
    ) private returns (bool counted) {
        uint256 slot = _reporterSlot[reporter];
        if (slot == 0) revert Errors.DisruptionOracle_UnknownReporter(reporter);
        uint64 bit = uint64(1 << (slot - 1));
        uint64 ballots = _liveBallots(state, c);
        if (ballots & bit != 0) {
            if (strict) revert Errors.DisruptionOracle_DuplicateVote(vote.supplier, reporter);
            return false;
        }
        if (ballots == 0) state.roundStartedAt = uint40(block.timestamp);
        state.ballots = ballots | bit;
        emit DisruptionReported(
            vote.supplier,
            reporter,
            vote.disrupted,
            vote.evidenceHash,
            vote.observedAt,
            _popCount(state.ballots),
            c.quorum
        );
        return true;
    }

    /// @dev Stores the round, or confirms the flip when the quorum is reached and notifies subscribers.
    function _settle(
        OracleTypes.Config memory c,
        OracleTypes.SupplierState memory state,
        OracleTypes.Report memory vote
    ) private {
        address supplier = vote.supplier;
        if (_popCount(state.ballots) < c.quorum) {
            _states[supplier] = state;
            return;
        }
        uint64 confirmationId = c.lastConfirmationId + 1;
        _config.lastConfirmationId = confirmationId;
        _states[supplier] = OracleTypes.SupplierState({
            disrupted: vote.disrupted,
            since: uint40(block.timestamp),
            roundStartedAt: 0,
            ballots: 0,
            confirmationId: confirmationId
        });
        if (vote.disrupted) {
            emit DisruptionConfirmed(supplier, confirmationId, vote.evidenceHash);
        } else {
            emit RecoveryConfirmed(supplier, confirmationId, vote.evidenceHash);
        }

        uint8 everyone = _allSubscribersMask();
        if (everyone == 0) return;
        uint8 stillPending = everyone;
        if (c.paused) {
            emit NotificationsDeferred(confirmationId);
        } else {
            stillPending = _notify(confirmationId, supplier, vote.disrupted, everyone);
        }
        if (stillPending != 0) {
            _pending[confirmationId] = OracleTypes.PendingDelivery({
                supplier: supplier,
                disrupted: vote.disrupted,
                subscriberMask: stillPending
            });
        }
    }

    /// @dev Calls every subscriber in `mask`; returns the mask of those that reverted. A reverting (or
    /// gas-exhausting) subscriber never reverts the confirmation: its failure is emitted and kept for retry.
    function _notify(
        uint256 confirmationId,
        address supplier,
        bool disrupted,
        uint8 mask
    ) private returns (uint8 failed) {
        uint256 used = _subscriberSlotsUsed;
        bytes memory data = abi.encodeCall(
            IDisruptionSubscriber.onSupplierStatusConfirmed,
            (supplier, disrupted, confirmationId)
        );
        for (uint256 i = 0; i < used; ++i) {
            uint8 bit = uint8(1 << i);
            if (mask & bit == 0) continue;
            address subscriber = _subscriberAt[i];
            if (subscriber == address(0)) continue; // removed since: nothing owed any more
            (bool ok, bytes memory reason) = _callSubscriber(subscriber, data);
            if (ok) {
                emit SubscriberNotified(confirmationId, subscriber);
            } else {
                failed |= bit;
                emit SubscriberNotificationFailed(confirmationId, subscriber, reason);
            }
        }
    }

    /// @dev Calls `subscriber` with `data`; on failure returns at most {MAX_REASON_BYTES} of its revert data (the
    /// rest is never copied, so its size costs the oracle nothing). Subscribers have code ({addSubscriber}).
    function _callSubscriber(address subscriber, bytes memory data) private returns (bool ok, bytes memory reason) {
        uint256 maxReason = MAX_REASON_BYTES;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            ok := call(gas(), subscriber, 0, add(data, 0x20), mload(data), 0, 0)
            reason := 0x60 // the empty bytes
            if iszero(ok) {
                let size := returndatasize()
                if gt(size, maxReason) {
                    size := maxReason
                }
                reason := mload(0x40)
                mstore(reason, size)
                returndatacopy(add(reason, 0x20), 0, size)
                // Keep the free memory pointer word-aligned.
                mstore(0x40, add(add(reason, 0x20), and(add(size, 0x1f), not(0x1f))))
            }
        }
    }

    function _allSubscribersMask() private view returns (uint8 mask) {
        uint256 used = _subscriberSlotsUsed;
        for (uint256 i = 0; i < used; ++i) {
            if (_subscriberAt[i] != address(0)) mask |= uint8(1 << i);
        }
    }

    function _addReporter(address reporter) private {
        if (reporter == address(0)) revert Errors.DisruptionOracle_ZeroAddress();
        if (_reporterSlot[reporter] != 0) revert Errors.DisruptionOracle_ReporterAlreadyActive(reporter);
        OracleTypes.Config storage c = _config;
        uint256 index = c.nextReporterIndex;
        if (index == REPORTER_CAPACITY) revert Errors.DisruptionOracle_ReporterCapacityReached(REPORTER_CAPACITY);
        _reporterSlot[reporter] = uint8(index + 1);
        c.activeReporterMask |= uint64(1 << index);
        c.nextReporterIndex = uint8(index + 1);
        c.reporterCount += 1;
        emit ReporterAdded(reporter, index);
    }

    function _setQuorum(uint256 quorum) private {
        OracleTypes.Config storage c = _config;
        if (quorum == 0 || quorum > c.reporterCount)
            revert Errors.DisruptionOracle_InvalidQuorum(quorum, c.reporterCount);
        c.quorum = uint8(quorum);
        emit QuorumChanged(quorum, c.reporterCount);
    }

    function _setPaused(bool paused) private {
        if (_config.paused == paused) revert Errors.DisruptionOracle_PauseUnchanged(paused);
        _config.paused = paused;
        emit TriggersPaused(paused);
    }

    /// @dev The open round's ballots that still count: none once the round expired, and only active reporters.
    function _liveBallots(
        OracleTypes.SupplierState memory state,
        OracleTypes.Config memory c
    ) private view returns (uint64) {
        if (state.ballots == 0 || uint256(state.roundStartedAt) + c.maxReportAge < block.timestamp) return 0;
        return state.ballots & c.activeReporterMask;
    }

    /// @dev Number of set bits (SWAR popcount, constant gas).
    function _popCount(uint64 x) private pure returns (uint256) {
        unchecked {
            x = x - ((x >> 1) & 0x5555555555555555);
            x = (x & 0x3333333333333333) + ((x >> 2) & 0x3333333333333333);
            x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0f;
            return uint256((x * 0x0101010101010101) >> 56);
        }
    }
}
