// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { IDisruptionSubscriber } from "../interfaces/IDisruptionSubscriber.sol";

/// @notice Test-only subscriber: records every notification, and can be told to revert (to prove that a
/// failing subscriber never blocks the oracle), to revert with a huge payload, or to burn all its gas.
contract RecordingSubscriber is IDisruptionSubscriber {
    enum Mode {
        Accept,
        Revert,
        BurnGas,
        RevertHuge
    }

    /// @notice Bytes of revert data in mode RevertHuge (zeros): far more than the oracle can afford to copy and log.
    uint256 public constant HUGE_REASON_BYTES = 400_000;

    error RecordingSubscriber_Refused(uint256 confirmationId);

    Mode public mode;
    uint256 public calls;
    address public lastSupplier;
    bool public lastDisrupted;
    uint256 public lastConfirmationId;

    function setMode(Mode newMode) external {
        mode = newMode;
    }

    function onSupplierStatusConfirmed(address supplier, bool disrupted, uint256 confirmationId) external {
        if (mode == Mode.Revert) revert RecordingSubscriber_Refused(confirmationId);
        if (mode == Mode.RevertHuge) {
            // solhint-disable-next-line no-inline-assembly
            assembly {
                mstore(0x40, 0) // all zeros, so the payload is easy to recognise
                revert(0, 400000)
            }
        }
        if (mode == Mode.BurnGas) {
            // solhint-disable-next-line no-empty-blocks
            while (true) {}
        }
        calls += 1;
        lastSupplier = supplier;
        lastDisrupted = disrupted;
        lastConfirmationId = confirmationId;
    }
}
