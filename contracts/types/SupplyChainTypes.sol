// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { ListingStamps } from "./ListingStamps.sol";
import { PoolConfig } from "./PoolConfig.sol";
import { PoolEpoch } from "./PoolEpoch.sol";
import { PoolFunds } from "./PoolFunds.sol";

/// @notice Storage and calldata types of the SupplyChainRegistry and the ContingencyPool.
library SupplyChainTypes {
    /// @notice A supplier's public record. Packing: slot 0 = metadata hash; slot 1 = 16 + 8 = 24 bits.
    struct Supplier {
        // slot 0
        bytes32 metadataHash; // hash of the supplier's name/description document
        // slot 1
        bytes2 region; // ISO 3166-1 alpha-2 country code, e.g. "DE"
        bool registered;
    }

    /// @notice A critical component of a project, as defined by its firm. Its suppliers' terms never change;
    /// which supplier is current is kept apart, as a 4-bit index in a per-project word, and which listings are
    /// accepted in a {ListingStamps} word (see the registry), so the failover path never touches this record.
    /// Packing: slot 0 = 160 + 8 + 16 bits; slot 1 = 256 bits.
    struct Component {
        // slot 0
        address primary;
        uint8 substituteCount; // 1..8; 0 = the component does not exist
        uint16 closedMask; // bit p set = the listing at position p was declined or left (final)
        // slot 1
        bytes32 metadataHash; // hash of the component's specification document
    }

    /// @notice A pre-approved substitute supplier with its agreed advance. Packing: 160 + 96 = 256 bits, one slot.
    struct Substitute {
        address supplier;
        uint96 advance; // in units of the project token's decimals
    }

    /// @notice A component's listings in storage: its substitutes (slots 0-7) and which listings are accepted
    /// (slot 8), side by side so the failover finds both from one key.
    struct Listings {
        Substitute[8] substitutes;
        ListingStamps stamps;
    }

    /// @notice A substitute as given by the firm.
    struct SubstituteInput {
        address supplier;
        uint128 advance; // in units of the project token's decimals; 1 .. 2^96 - 1
    }

    /// @notice A component as returned to readers.
    struct ComponentView {
        bytes32 metadataHash;
        address primary;
        address current;
        uint8 currentIndex; // 0 = the primary, i = the i-th substitute (1-based)
        Substitute[] substitutes;
    }

    /// @notice Where a supplier stands in one listing (its place as primary or substitute of a component).
    enum ListingStatus {
        None, // the component does not list the supplier
        Pending, // listed by the firm, not accepted yet: not in the supplier's reverse index, never financed
        Accepted, // accepted by the supplier: in its reverse index; counts for the pool after the notice
        Closed // declined or left by the supplier (final: the listing can never be accepted again)
    }

    /// @notice What {ISupplyChainRegistry.failover} did with one (project, component) pair.
    enum FailoverOutcome {
        Switched, // switched to a healthy substitute whose advance fits the budget
        NotAffected, // the component's current supplier is not the disrupted one
        NoHealthySubstitute, // no listed substitute is accepted, eligible at the confirmation and healthy
        OverBudget, // the first healthy substitute's advance is above the budget the pool offered
        NotEligible // the disrupted supplier's listing was still within its notice when the disruption was confirmed
    }

    /// @notice Why the pool did not finance an affected pair. (An advance the token refuses is not skipped: it is
    /// financed and stays owed to the substitute, see {IContingencyPool.AdvanceOwed}.)
    enum SkipReason {
        NoHealthySubstitute,
        InsufficientLiquidity, // the project's pool holds less than the advance
        ExposureCapReached, // shareholders' debt + advance would exceed exposureBps of the pool's value
        DisruptionCapReached, // this disruption's financing + advance would exceed disruptionBps of the value
        ProjectClosed // the escrow no longer holds the project Active (failed, cancelled or completed): not switched
    }

    /// @notice A project's pool terms, the same for every financier of the project, set by its firm
    /// ({IContingencyPool.setPoolTerms}) and named by every commitment. Both caps are fractions of the pool's value at
    /// face (shareholders' cash + their part of outstanding financing), so `debt <= bps * value` bounds every
    /// financier's pro-rata share of the debt by `bps` of its own position. Packing: 16 + 16 + 32 + 32 = 96 bits.
    struct PoolTerms {
        uint16 exposureBps; // max shareholders' outstanding financing, in basis points of the pool's value (<= 10000)
        uint16 disruptionBps; // max financing one confirmation may draw, in basis points of the value (<= exposureBps)
        uint32 withdrawalNotice; // seconds from a withdrawal request to its execution (maxReportAge .. LISTING_NOTICE)
        uint32 repaymentTerm; // seconds from a financing to its due date (> 0)
    }

    /// @notice Terms the firm loosened, in force once `effectiveAt` has passed (the withdrawal notice after they were
    /// set, so a financier who disagrees can request its exit and leave first). The fields of {PoolTerms} inline (a
    /// nested struct would start its own slot). Packing: 16 + 16 + 32 + 32 + 40 bits, one slot.
    struct PendingPoolTerms {
        uint16 exposureBps;
        uint16 disruptionBps;
        uint32 withdrawalNotice;
        uint32 repaymentTerm;
        uint40 effectiveAt; // 0 = nothing pending
    }

    /// @notice One project's contingency pool in storage. The failover path reads slots 0-2 whole ({PoolFunds},
    /// {PoolEpoch}, {PoolConfig}) and writes slots 0-1. Packing of the rest: slot 3 = 128 + 128; slot 4 = 128 + 128;
    /// slot 5 = 64 + 192; slot 6 = 128 + 64.
    struct Pool {
        // slots 0-2: read whole by the failover (the bit layouts are drawn on their types)
        PoolFunds funds; // slot 0: cash and shareDebt
        PoolEpoch epoch; // slot 1: the latest financing confirmation and the due dates
        PoolConfig config; // slot 2: the token and the terms in force
        // slot 3
        uint128 totalShares;
        uint128 claimDebt; // the part of outstanding financing owed to claimants (financiers who withdrew)
        // slot 4
        uint128 claimUnits; // claim units of the current claim era
        uint128 claimCash; // repayments credited to claimants and not withdrawn yet (with rounding dust)
        // slot 5
        uint64 claimEra; // bumped each time the claimants' debt is fully repaid
        uint192 claimAcc; // repayments per claim unit in the current era, scaled by 1e27
        // slot 6
        uint128 owed; // advances financed but refused by the token: held for their substitutes ({claimAdvance})
        uint64 reservedUntilJob; // queue job id + 1 of the last queued job with pairs of this project (0 = none)
    }

    /// @notice One project's pool as returned to readers ({IContingencyPool.getPool}): the stored accounting plus
    /// `outstanding`, the firm's whole debt (shareholders' and claimants' parts).
    struct PoolView {
        address token;
        uint128 cash;
        uint128 outstanding; // financed - repaid: what the firm owes (= shareDebt + claimDebt)
        uint128 shareDebt;
        uint128 claimDebt;
        uint128 totalShares;
        uint128 claimUnits;
        uint128 claimCash;
        uint64 claimEra;
        uint192 claimAcc;
        uint128 owed;
        uint64 reservedUntilJob;
        uint64 epochConfirmationId;
        uint96 epochFinanced;
        uint40 epochDueAt;
        uint40 oldestDueAt;
    }

    /// @notice A financier's position in one project's pool. Packing: slot 0 = 128 + 128; slot 1 = 64 + 40; slot 2.
    struct Position {
        // slot 0
        uint128 shares; // claim on the pool's cash and on its share of outstanding financing
        uint128 claimUnits; // claim on repayments of the debt the financier kept when withdrawing
        // slot 1
        uint64 claimEra;
        uint40 withdrawableAt; // when its requested withdrawal may execute (0 = none requested)
        // slot 2
        uint256 claimAccPaid; // `claimAcc` at the last settlement
    }

    /// @notice A disruption whose affected pairs wait for {IContingencyPool.processQueue}.
    /// Packing: 160 + 64 + 32 = 256 bits, one slot.
    struct Job {
        address supplier;
        uint64 confirmationId;
        uint32 nextPairIndex; // index into the supplier's reverse index
    }
}
