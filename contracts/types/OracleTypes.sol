// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice Storage and calldata types of the DisruptionOracle.
library OracleTypes {
    /// @notice Oracle-wide configuration, read once per report and written only on confirmations and by the
    /// admin. Packing: 64 + 8 + 8 + 8 + 40 + 64 + 8 = 200 bits, one slot.
    struct Config {
        // slot 0
        uint64 activeReporterMask; // bit i set = reporter with index i is active
        uint8 reporterCount; // number of active reporters (N)
        uint8 quorum; // votes needed to confirm (M), 1 <= M <= N
        uint8 nextReporterIndex; // reporter indices are never reused, so a removed reporter's bit stays dead
        uint40 maxReportAge; // seconds; older observations are refused and older rounds expire
        uint64 lastConfirmationId; // ids of confirmations, strictly increasing from 1
        bool paused; // guardian switch: confirmations record, subscriber notifications wait
    }

    /// @notice Everything the oracle keeps about one supplier: its confirmed state and the open round of votes
    /// to change it. Packing: 8 + 40 + 40 + 64 + 64 = 216 bits, one slot.
    struct SupplierState {
        // slot 0
        bool disrupted; // confirmed state
        uint40 since; // when the state was last confirmed (Unix seconds; 0 = never)
        uint40 roundStartedAt; // first vote of the open round (0 = no open round)
        uint64 ballots; // reporter bitmap of the open round; every vote is for flipping `disrupted`
        uint64 confirmationId; // id of the last confirmation for this supplier (0 = never)
    }

    /// @notice A confirmation whose notification is still owed to some subscribers (a subscriber reverted,
    /// or the guardian had paused triggers). Packing: 160 + 8 + 8 = 176 bits, one slot.
    struct PendingDelivery {
        // slot 0
        address supplier;
        bool disrupted;
        uint8 subscriberMask; // bit i set = subscriber slot i still needs this notification
    }

    /// @notice The report that reporters sign off-chain (EIP-712) for `submitSignedReports`.
    struct Report {
        address supplier;
        bool disrupted;
        bytes32 evidenceHash;
        uint64 observedAt;
        uint64 lastConfirmationId; // the supplier's confirmation id the reporter saw; binds the signature to one state
    }
}
