// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { IProjectPayees } from "./IProjectPayees.sol";
import { SupplyChainTypes } from "../types/SupplyChainTypes.sol";

/// @title ISupplyChainRegistry
/// @notice The supply-chain registry: suppliers (address, metadata hash, region), each project's critical
/// components (one primary supplier and an ordered list of 1..8 pre-approved substitutes with an agreed advance
/// each) and a bounded reverse index supplier → (project, component) pairs, so that a disruption finds the
/// affected work without scanning. It alone decides which suppliers a project may pay and emits those events
/// ({IProjectPayees.isProjectPayee}); the set itself is stored in the escrow ({IRDEscrow.setProjectPayee}, which
/// only this registry may call), so that a payment reads it without a call to the registry.
///
/// Notes:
/// - Project ids are the RDEscrow's; only a project's firm (`escrow.projectFirm`) defines the project's
///   components and payees. Only a supplier (or its EIP-712 signature, from an EOA or an ERC-1271 contract
///   wallet) writes its own record and accepts or leaves the listings that name it.
/// - Consent. A component's suppliers are listings the firm proposes; each counts (enters the supplier's reverse
///   index, makes it a payee, can become current or be financed) only once the supplier accepted it, and stops
///   counting when the supplier leaves. Unaccepted listings take no reverse-index entry and count for no cap, so
///   nobody can fill a supplier's `MAX_PAIRS_PER_SUPPLIER` entries but the supplier itself. The firm and the
///   project's verifier are never substitutes (the pool pays only substitutes, never a primary).
/// - Notice. An accepted listing counts for pool financing only from `LISTING_NOTICE` after its acceptance, and
///   a confirmation finances only listings that counted when it was confirmed (see {failover}), so financiers
///   see every change to what their pool covers (a new component, a new substitute) a notice period before it
///   can draw on it. Leaving takes effect at once (it only narrows what the pool covers).
/// - Components are append-only: once defined, their terms (suppliers, order, advances) never change; only their
///   current supplier changes (by the firm, or by the contingency pool on a confirmed disruption) and which
///   listings are accepted.
interface ISupplyChainRegistry is IProjectPayees {
    /*//////////////////////////////////////////////////////////////////////////
                                       EVENTS
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice Emitted when a supplier registers itself or updates its record (itself or by its signature).
    /// @param supplier The supplier's address.
    /// @param registeredBy The caller: the supplier itself, or whoever submitted the supplier's signature.
    /// @param metadataHash Hash of the supplier's name/description document.
    /// @param region ISO 3166-1 alpha-2 country code.
    event SupplierRegistered(
        address indexed supplier,
        address indexed registeredBy,
        bytes32 metadataHash,
        bytes2 region
    );

    /// @notice Emitted when a supplier becomes an allowed payee of a project.
    /// @param projectId The project.
    /// @param supplier The supplier.
    event ProjectSupplierAdded(uint256 indexed projectId, address indexed supplier);

    /// @notice Emitted when the firm removes a supplier from its project's allowed payees; the escrow no longer pays
    /// it for the project (its components and their substitutes are unchanged).
    /// @param projectId The project.
    /// @param supplier The supplier.
    event ProjectSupplierRemoved(uint256 indexed projectId, address indexed supplier);

    /// @notice Emitted when a firm defines a critical component. Every listing in it is pending until its supplier
    /// accepts ({ListingAccepted}).
    /// @param projectId The project.
    /// @param componentId The component's id within the project (from 1).
    /// @param primary The primary (and initial current) supplier.
    /// @param substitutes The substitutes in order of preference.
    /// @param advances The agreed advance of each substitute (units of the project token's decimals).
    /// @param metadataHash Hash of the component's specification document.
    event ComponentDefined(
        uint256 indexed projectId,
        uint256 indexed componentId,
        address indexed primary,
        address[] substitutes,
        uint256[] advances,
        bytes32 metadataHash
    );

    /// @notice Emitted when a supplier accepts its listing in a component (itself or by its signature).
    /// @param projectId The project.
    /// @param componentId The component.
    /// @param supplier The supplier.
    /// @param position Its place in the component: 0 = primary, i = the i-th substitute.
    /// @param eligibleFrom Unix seconds from which the listing counts for pool financing (the acceptance plus
    /// `LISTING_NOTICE`, rounded up to the minute).
    event ListingAccepted(
        uint256 indexed projectId,
        uint256 indexed componentId,
        address indexed supplier,
        uint256 position,
        uint256 eligibleFrom
    );

    /// @notice Emitted when a supplier declines a pending listing or leaves an accepted one (final).
    /// @param projectId The project.
    /// @param componentId The component.
    /// @param supplier The supplier.
    /// @param position Its place in the component: 0 = primary, i = the i-th substitute.
    /// @param wasAccepted True when it left an accepted listing (its reverse-index entry is removed), false when it
    /// declined a pending one.
    event ListingLeft(
        uint256 indexed projectId,
        uint256 indexed componentId,
        address indexed supplier,
        uint256 position,
        bool wasAccepted
    );

    /// @notice Emitted when a component's current supplier changes.
    /// @param projectId The project.
    /// @param componentId The component.
    /// @param to The new current supplier.
    /// @param from The previous current supplier.
    /// @param confirmationId The oracle confirmation that triggered the switch (0 = switched by the firm).
    event ComponentSwitched(
        uint256 indexed projectId,
        uint256 indexed componentId,
        address indexed to,
        address from,
        uint256 confirmationId
    );

    /*//////////////////////////////////////////////////////////////////////////
                                     READ-ONLY
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice How many substitutes a component may list.
    function MAX_SUBSTITUTES() external view returns (uint256);

    /// @notice How many accepted listings ((project, component) pairs, as primary or substitute) one supplier may
    /// hold at a time.
    function MAX_PAIRS_PER_SUPPLIER() external view returns (uint256);

    /// @notice Seconds after its acceptance from which a listing counts for pool financing: 7 days. Financiers
    /// can leave a pool before a change to what it covers takes effect only while this notice is at least the
    /// pool's withdrawal notice, so it must stay >= that notice (and the pool's must not grow past it).
    function LISTING_NOTICE() external view returns (uint256);

    /// @notice The next nonce of `supplier`'s signed record ({registerSupplierWithSig}); every record update,
    /// signed or not, uses one.
    function nonces(address supplier) external view returns (uint256);

    /// @notice The EIP-712 domain separator of the supplier records and listing acceptances this registry
    /// accepts (name "RDCF Supply Chain Registry", version "1").
    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() external view returns (bytes32);

    /// @notice The escrow whose projects this registry describes.
    function escrow() external view returns (address);

    /// @notice The contingency pool, the only account allowed to call {failover}.
    function pool() external view returns (address);

    /// @notice The oracle consulted for substitutes' health.
    function oracle() external view returns (address);

    /// @notice A supplier's record.
    /// @param supplier The supplier's address.
    function getSupplier(address supplier) external view returns (SupplyChainTypes.Supplier memory);

    /// @notice How many components `projectId` has (ids are 1..count).
    function componentCount(uint256 projectId) external view returns (uint256);

    /// @notice A component with its substitutes. Reverts with `SupplyChainRegistry_ComponentNotFound`.
    function getComponent(
        uint256 projectId,
        uint256 componentId
    ) external view returns (SupplyChainTypes.ComponentView memory);

    /// @notice Every listing of a component, in position order (0 = the primary, i = the i-th substitute).
    /// Reverts with `SupplyChainRegistry_ComponentNotFound`.
    /// @return suppliers The listed suppliers.
    /// @return statuses Each listing's status.
    /// @return eligibleFrom Unix seconds from which each accepted listing counts for pool financing (0 unless
    /// accepted).
    function getListings(
        uint256 projectId,
        uint256 componentId
    )
        external
        view
        returns (
            address[] memory suppliers,
            SupplyChainTypes.ListingStatus[] memory statuses,
            uint256[] memory eligibleFrom
        );

    /// @notice The supplier currently supplying a component. Reverts with `SupplyChainRegistry_ComponentNotFound`.
    function currentSupplier(uint256 projectId, uint256 componentId) external view returns (address);

    /// @notice How many accepted listings ((project, component) pairs) `supplier` holds.
    function pairCount(address supplier) external view returns (uint256);

    /// @notice A page of `supplier`'s reverse index (its accepted listings; the order changes when it leaves one).
    /// @param supplier The supplier.
    /// @param start First index to return.
    /// @param max Maximum number of pairs to return.
    /// @return total The supplier's total number of pairs.
    /// @return projectIds The pairs' project ids.
    /// @return componentIds The pairs' component ids.
    function pairsOf(
        address supplier,
        uint256 start,
        uint256 max
    ) external view returns (uint256 total, uint256[] memory projectIds, uint256[] memory componentIds);

    /*//////////////////////////////////////////////////////////////////////////
                                  STATE-CHANGING
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice Registers the caller as a supplier, or updates its record. Uses the caller's nonce, so a signed
    /// record it handed out earlier can no longer be submitted.
    /// @dev Emits {SupplierRegistered}. Requirements: `region` is not zero.
    /// @param metadataHash Hash of the supplier's name/description document.
    /// @param region ISO 3166-1 alpha-2 country code (e.g. "CN", "DE").
    function registerSupplier(bytes32 metadataHash, bytes2 region) external;

    /// @notice Registers `supplier`, or updates its record, with the supplier's EIP-712 signature of
    /// `SupplierRecord(address supplier,bytes32 metadataHash,bytes2 region,uint256 nonce,uint256 deadline)`
    /// (e.g. a firm onboarding its supplier submits it). Contract wallets sign through ERC-1271.
    /// @dev Emits {SupplierRegistered} with the caller as `registeredBy`.
    ///
    /// Requirements:
    /// - `block.timestamp` <= `deadline`;
    /// - `signature` is `supplier`'s over the record with its current nonce ({nonces}), which it uses;
    /// - `region` is not zero.
    /// @param supplier The supplier whose record is written.
    /// @param metadataHash Hash of the supplier's name/description document.
    /// @param region ISO 3166-1 alpha-2 country code.
    /// @param deadline Unix seconds after which the signature is refused.
    /// @param signature The supplier's signature (65-byte ECDSA, or whatever its ERC-1271 wallet accepts).
    function registerSupplierWithSig(
        address supplier,
        bytes32 metadataHash,
        bytes2 region,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice Adds a registered supplier to the project's allowed payees.
    /// @dev Emits {ProjectSupplierAdded}. Requirements: the caller is the project's firm; `supplier` is registered.
    function addProjectSupplier(uint256 projectId, address supplier) external;

    /// @notice Removes a supplier from the project's allowed payees (for example one that turned out fraudulent):
    /// the escrow refuses to pay it for the project until the firm adds it again.
    /// @dev Emits {ProjectSupplierRemoved}. Requirements: the caller is the project's firm; `supplier` is an
    /// allowed payee of the project. Components that name the supplier are unchanged.
    /// @param projectId The project.
    /// @param supplier The supplier to remove.
    function removeProjectSupplier(uint256 projectId, address supplier) external;

    /// @notice Defines a critical component: its primary (the initial current supplier) and 1..8 substitutes in
    /// order of preference, each with the advance the contingency pool pays it on failover. Every listing is
    /// pending until its supplier accepts it ({acceptListing}, {acceptListingWithSig}).
    /// @dev Emits {ComponentDefined}.
    ///
    /// Requirements:
    /// - the caller is the project's firm;
    /// - the project id is below 2^32 and the project has fewer than 65,535 components (the reverse index packs
    ///   both ids);
    /// - 1..`MAX_SUBSTITUTES` substitutes, each advance in 1 .. 2^96 - 1;
    /// - every listed supplier is registered, listed once, and not disrupted according to the oracle;
    /// - no substitute is the project's firm or its verifier.
    /// @param projectId The project.
    /// @param metadataHash Hash of the component's specification document.
    /// @param primary The primary supplier.
    /// @param substitutes Substitutes with their advances (units of the project token's decimals).
    /// @return componentId The new component's id within the project (from 1).
    function defineComponent(
        uint256 projectId,
        bytes32 metadataHash,
        address primary,
        SupplyChainTypes.SubstituteInput[] calldata substitutes
    ) external returns (uint256 componentId);

    /// @notice The caller accepts its pending listing in a component: the pair enters its reverse index, it
    /// becomes a payee of the project, the firm may make it current, and from `LISTING_NOTICE` on the pool may
    /// finance it (as a substitute) or finance its substitutes when it is disrupted.
    /// @dev Emits {ListingAccepted}, and {ProjectSupplierAdded} when it was not a payee yet.
    ///
    /// Requirements:
    /// - the component exists and lists the caller, pending (not accepted, declined or left);
    /// - the oracle does not hold the caller disrupted;
    /// - the caller holds fewer than `MAX_PAIRS_PER_SUPPLIER` accepted listings.
    function acceptListing(uint256 projectId, uint256 componentId) external;

    /// @notice {acceptListing} for `supplier`, submitted by anyone (e.g. the firm) with the supplier's EIP-712
    /// signature of `Listing(address supplier,uint256 projectId,uint256 componentId,uint256 position,uint256
    /// advance,bytes32 metadataHash,uint256 deadline)`: the supplier agrees to its place (`position` 0 = primary,
    /// i = i-th substitute), its advance (0 for the primary) and the component's specification. A listing is
    /// accepted at most once and a closed one never again, so the signature cannot be replayed.
    /// @dev Emits {ListingAccepted}, and {ProjectSupplierAdded} when it was not a payee yet.
    ///
    /// Requirements: those of {acceptListing} for `supplier`; `block.timestamp` <= `deadline`; `signature` is
    /// `supplier`'s (ECDSA, or ERC-1271 for a contract wallet).
    function acceptListingWithSig(
        uint256 projectId,
        uint256 componentId,
        address supplier,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice The caller declines its pending listing in a component, or leaves its accepted one (e.g. it no
    /// longer serves the project). Final: the listing can never be accepted again (the firm may define a new
    /// component). Leaving removes the pair from the caller's reverse index at once (the index's last entry
    /// takes its place); the supplier stays a payee of the project (for invoices still open). A component whose
    /// current supplier left keeps it as current until the firm switches it; no failover names it.
    /// @dev Emits {ListingLeft}.
    ///
    /// Requirements: the component exists and lists the caller, not already closed; to leave an accepted
    /// listing, the oracle does not hold the caller disrupted (the pool's failover of its disruption walks its
    /// reverse index by position).
    function leaveListing(uint256 projectId, uint256 componentId) external;

    /// @notice Switches a component to its primary or one of its substitutes (e.g. back to the primary after it
    /// recovered). Nothing is paid.
    /// @dev Emits {ComponentSwitched} with confirmation id 0.
    ///
    /// Requirements: the caller is the project's firm; the component exists; `to` is its primary or a listed
    /// substitute that accepted its listing, not its current supplier, and not disrupted according to the oracle
    /// (so a disruption's failover meets each pair at most once: see {failover}).
    function switchSupplier(uint256 projectId, uint256 componentId, address to) external;

    /// @notice The automatic failover of one pair, called by the contingency pool on a confirmed disruption: when
    /// the component's current supplier is `disrupted` and its listing counted at `confirmedAt`, finds the first
    /// listed substitute whose listing counted at `confirmedAt` (accepted and past `LISTING_NOTICE`) and that is
    /// neither `disrupted` nor disrupted according to the oracle and, when its advance is at most `budget`, makes
    /// it the current supplier. A switched pair no longer names `disrupted` as current and the firm cannot switch
    /// it back while `disrupted` stays disrupted, so one disruption switches (and the pool pays) a pair at most
    /// once. Pairs and substitutes accepted after the confirmation (or still in their notice then) are never
    /// financed by it: the affected set is fixed when the reporters confirm.
    /// @dev Emits {ComponentSwitched} when it switches. Requirements: the caller is the pool; `pairIndex` is below
    /// `pairCount(disrupted)` (the pair is read from the reverse index, which also carries the supplier's place in
    /// the component, so the component's own record is not read).
    /// @param disrupted The supplier the oracle confirmed disrupted.
    /// @param pairIndex The pair's index in `disrupted`'s reverse index (see {pairsOf}).
    /// @param confirmationId The oracle's confirmation id.
    /// @param confirmedAt Unix seconds of that confirmation (the oracle's `supplierStatus(disrupted).since`).
    /// @param budget The most the pool can pay for this pair (units of the token's decimals).
    /// @return outcome What happened (see {SupplyChainTypes.FailoverOutcome}).
    /// @return substitute The chosen substitute (zero unless Switched or OverBudget).
    /// @return advance Its agreed advance (zero unless Switched or OverBudget).
    function failover(
        address disrupted,
        uint256 pairIndex,
        uint256 confirmationId,
        uint256 confirmedAt,
        uint256 budget
    ) external returns (SupplyChainTypes.FailoverOutcome outcome, address substitute, uint256 advance);
}
