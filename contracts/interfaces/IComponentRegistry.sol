// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { ISupplyChainRegistry } from "./ISupplyChainRegistry.sol";
import { SupplyChainTypes } from "../types/SupplyChainTypes.sol";

/// @title IComponentRegistry
/// @notice The supply-chain registry: suppliers (address, metadata hash, region), each project's critical
/// components (one primary supplier and an ordered list of 1..8 pre-approved substitutes with an agreed advance
/// each) and a bounded reverse index supplier → (project, component) pairs, so that a disruption finds the
/// affected work without scanning. It is the single source of truth for which suppliers a project may pay
/// ({ISupplyChainRegistry.isProjectPayee}, the part the escrow depends on).
///
/// Notes:
/// - Project ids are the RDEscrow's; only a project's firm (`escrow.projectFirm`) changes the project's data.
/// - Components are append-only: once defined, only their current supplier changes (by the firm, or by the
///   contingency pool on a confirmed disruption), so the reverse index is append-only too.
interface IComponentRegistry is ISupplyChainRegistry {
    /*//////////////////////////////////////////////////////////////////////////
                                       EVENTS
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice Emitted when a supplier registers itself, updates its record, or is registered by a firm.
    /// @param supplier The supplier's address.
    /// @param registeredBy The caller: the supplier itself or a project's firm.
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

    /// @notice Emitted when a firm defines a critical component.
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

    /// @notice How many (project, component) pairs one supplier may be listed in (as primary or substitute).
    function MAX_PAIRS_PER_SUPPLIER() external view returns (uint256);

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

    /// @notice The supplier currently supplying a component. Reverts with `SupplyChainRegistry_ComponentNotFound`.
    function currentSupplier(uint256 projectId, uint256 componentId) external view returns (address);

    /// @notice How many (project, component) pairs list `supplier`.
    function pairCount(address supplier) external view returns (uint256);

    /// @notice A page of `supplier`'s reverse index.
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

    /// @notice Registers the caller as a supplier, or updates its record.
    /// @dev Emits {SupplierRegistered}. Requirements: `region` is not zero.
    /// @param metadataHash Hash of the supplier's name/description document.
    /// @param region ISO 3166-1 alpha-2 country code (e.g. "CN", "DE").
    function registerSupplier(bytes32 metadataHash, bytes2 region) external;

    /// @notice Registers `supplier` on its behalf (when it is not registered yet) and adds it to the project's
    /// allowed payees.
    /// @dev Emits {SupplierRegistered} and {ProjectSupplierAdded}.
    ///
    /// Requirements:
    /// - the caller is the project's firm;
    /// - `supplier` is not zero and not registered yet; `region` is not zero.
    function registerSupplierFor(uint256 projectId, address supplier, bytes32 metadataHash, bytes2 region) external;

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
    /// order of preference, each with the advance the contingency pool pays it on failover. Every listed
    /// supplier becomes an allowed payee of the project and gets the pair in its reverse index.
    /// @dev Emits {ComponentDefined}, and {ProjectSupplierAdded} for each supplier that was not a payee yet.
    ///
    /// Requirements:
    /// - the caller is the project's firm;
    /// - the project id is below 2^32 and the project has fewer than 65,535 components (the reverse index packs
    ///   both ids);
    /// - 1..`MAX_SUBSTITUTES` substitutes, each advance in 1 .. 2^96 - 1;
    /// - every listed supplier is registered and listed once;
    /// - no listed supplier already has `MAX_PAIRS_PER_SUPPLIER` pairs.
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

    /// @notice Switches a component to its primary or one of its substitutes (e.g. back to the primary after it
    /// recovered). Nothing is paid.
    /// @dev Emits {ComponentSwitched} with confirmation id 0.
    ///
    /// Requirements: the caller is the project's firm; the component exists; `to` is its primary or a listed
    /// substitute, not its current supplier, and not disrupted according to the oracle (so a disruption's
    /// failover meets each pair at most once: see {failover}).
    function switchSupplier(uint256 projectId, uint256 componentId, address to) external;

    /// @notice The automatic failover of one pair, called by the contingency pool on a confirmed disruption: when
    /// the component's current supplier is `disrupted`, finds the first listed substitute that is neither
    /// `disrupted` nor disrupted according to the oracle and, when its advance is at most `budget`, makes it the
    /// current supplier. A switched pair no longer names `disrupted` as current and the firm cannot switch it
    /// back while `disrupted` stays disrupted, so one disruption switches (and the pool pays) a pair at most once.
    /// @dev Emits {ComponentSwitched} when it switches. Requirements: the caller is the pool; `pairIndex` is below
    /// `pairCount(disrupted)` (the pair is read from the reverse index, which also carries the supplier's place in
    /// the component, so the component's own record is not read).
    /// @param disrupted The supplier the oracle confirmed disrupted.
    /// @param pairIndex The pair's index in `disrupted`'s reverse index (see {pairsOf}).
    /// @param confirmationId The oracle's confirmation id.
    /// @param budget The most the pool can pay for this pair (units of the token's decimals).
    /// @return outcome What happened (see {SupplyChainTypes.FailoverOutcome}).
    /// @return substitute The chosen substitute (zero unless Switched or OverBudget).
    /// @return advance Its agreed advance (zero unless Switched or OverBudget).
    function failover(
        address disrupted,
        uint256 pairIndex,
        uint256 confirmationId,
        uint256 budget
    ) external returns (SupplyChainTypes.FailoverOutcome outcome, address substitute, uint256 advance);
}
