// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IDisruptionOracle
/// @notice The read side of the supply-chain disruption oracle that consumers (the contingency pool, the
/// dashboard) depend on. It is deliberately small so that a production deployment can put another oracle
/// behind it: a Chainlink Functions/Automation job that fetches a sanctions or incident feed and calls an
/// adapter contract implementing this interface, or a UMA-style optimistic assertion (a bonded claim
/// "supplier X is disrupted since T" that becomes the state after its liveness window passes undisputed).
/// Whatever confirms, it must (1) flip the state only through a confirmation, (2) give every confirmation
/// a strictly increasing id, (3) notify subscribers via {IDisruptionSubscriber}, and (4) say whether its
/// automatic triggers are paused (consumers then hold every automatic action, not only the first notification).
interface IDisruptionOracle {
    /// @notice Whether `supplier` is currently confirmed disrupted.
    /// @param supplier The supplier's address.
    /// @return disrupted True while a disruption is confirmed and no recovery has been confirmed since.
    function isDisrupted(address supplier) external view returns (bool disrupted);

    /// @notice The confirmed state of `supplier`.
    /// @param supplier The supplier's address.
    /// @return disrupted True while a disruption is confirmed.
    /// @return since Unix seconds of the last confirmation for this supplier (0 if never confirmed).
    /// @return confirmationId The id of the last confirmation for this supplier (0 if never confirmed).
    function supplierStatus(
        address supplier
    ) external view returns (bool disrupted, uint64 since, uint256 confirmationId);

    /// @notice Whether the guardian has paused automatic triggers. While it has, confirmations still record but
    /// subscribers act on none of them: the oracle holds its notifications, and a subscriber holds any work it
    /// queued earlier (the contingency pool's {IContingencyPool.processQueue} refuses to run).
    /// @return paused True while triggers are paused.
    function triggersPaused() external view returns (bool paused);

    /// @notice Seconds a round of votes can stay open before its confirmation (0 for an oracle that confirms in one
    /// step). Consumers set their exit notices at least this long, so nobody who sees a round open can leave
    /// before it confirms.
    function maxReportAge() external view returns (uint256);
}
