// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IDisruptionSubscriber
/// @notice Implemented by contracts that act automatically when the disruption oracle confirms that a
/// supplier went down or recovered (the contingency pool is one).
interface IDisruptionSubscriber {
    /// @notice Called by the oracle in the transaction that confirms a change of a supplier's state, or later
    /// by anyone through the oracle's retry when the first delivery failed or the oracle was paused.
    /// @dev Must only accept calls from the oracle it trusts. A revert does not undo the confirmation: the
    /// oracle catches it, emits {IDisruptionOracle.SubscriberNotificationFailed} and keeps it for a retry.
    /// Implementations must be idempotent per `confirmationId`.
    /// @param supplier The supplier whose state changed.
    /// @param disrupted True when the supplier is now disrupted, false when it recovered.
    /// @param confirmationId The oracle's id of this confirmation (strictly increasing, starts at 1).
    function onSupplierStatusConfirmed(address supplier, bool disrupted, uint256 confirmationId) external;
}
