// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { IDisruptionOracle } from "../interfaces/IDisruptionOracle.sol";
import { IDisruptionSubscriber } from "../interfaces/IDisruptionSubscriber.sol";

/// @notice Test-only oracle: anyone sets a supplier's state and notifies a subscriber (the ContingencyPool), so
/// the pool's fuzz tests can trigger confirmations without reporters.
contract PoolTestOracle is IDisruptionOracle {
    struct State {
        bool disrupted;
        uint64 since;
        uint256 confirmationId;
    }

    mapping(address supplier => State state) private _states;
    uint256 public lastConfirmationId;
    bool public triggersPaused;
    /// @notice Rounds of this oracle confirm in one step; the value stands for a real oracle's round length.
    uint256 public maxReportAge = 1 days;

    /// @notice Pauses or resumes automatic triggers (as the real oracle's guardian does).
    function setTriggersPaused(bool paused) external {
        triggersPaused = paused;
    }

    function isDisrupted(address supplier) external view returns (bool) {
        return _states[supplier].disrupted;
    }

    function supplierStatus(address supplier) external view returns (bool, uint64, uint256) {
        State memory s = _states[supplier];
        return (s.disrupted, s.since, s.confirmationId);
    }

    /// @notice Flips `supplier` to `disrupted` with a new confirmation id and notifies `subscriber`.
    function confirm(IDisruptionSubscriber subscriber, address supplier, bool disrupted) external returns (uint256 id) {
        id = ++lastConfirmationId;
        _states[supplier] = State(disrupted, uint64(block.timestamp), id);
        subscriber.onSupplierStatusConfirmed(supplier, disrupted, id);
    }
}
