// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { IComponentRegistry } from "../interfaces/IComponentRegistry.sol";
import { IDisruptionOracle } from "../interfaces/IDisruptionOracle.sol";
import { IRDEscrow } from "../interfaces/IRDEscrow.sol";
import { ISupplyChainRegistry } from "../interfaces/ISupplyChainRegistry.sol";
import { Errors } from "../libraries/Errors.sol";
import { SupplyChainTypes } from "../types/SupplyChainTypes.sol";

/// @title SupplyChainRegistry
/// @notice Suppliers, each project's critical components with their substitutes, and the reverse index
/// supplier → (project, component). See the documentation in {IComponentRegistry}.
/// @dev Gas: the automatic failover of one pair reads the component's slot 0 and its first healthy substitute's
/// slot (address and advance packed), asks the oracle once per candidate, and writes slot 0 once. The reverse
/// index packs two (project, component) pairs per slot. Its three collaborators are immutables; the deploy
/// helper predicts the addresses of those deployed after the registry (scripts/lib/deploy-stack.ts).
contract SupplyChainRegistry is IComponentRegistry {
    /*//////////////////////////////////////////////////////////////////////////
                                     CONSTANTS
    //////////////////////////////////////////////////////////////////////////*/

    /// @inheritdoc IComponentRegistry
    uint256 public constant override MAX_SUBSTITUTES = 8;

    /// @inheritdoc IComponentRegistry
    uint256 public constant override MAX_PAIRS_PER_SUPPLIER = 64;

    /*//////////////////////////////////////////////////////////////////////////
                                       STATE
    //////////////////////////////////////////////////////////////////////////*/

    IRDEscrow private immutable _escrow;
    address private immutable _pool;
    IDisruptionOracle private immutable _oracle;

    mapping(address supplier => SupplyChainTypes.Supplier record) private _suppliers;

    mapping(uint256 projectId => mapping(address account => bool)) private _payees;

    mapping(uint256 projectId => uint256 count) private _componentCount;

    mapping(uint256 projectId => mapping(uint256 componentId => SupplyChainTypes.Component)) private _components;

    mapping(uint256 projectId => mapping(uint256 componentId => mapping(uint256 index => SupplyChainTypes.Substitute)))
        private _substitutes;

    /// @dev Each entry packs `projectId << 64 | componentId` (both < 2^64), two entries per slot.
    mapping(address supplier => uint128[] pairs) private _pairs;

    /*//////////////////////////////////////////////////////////////////////////
                                    CONSTRUCTOR
    //////////////////////////////////////////////////////////////////////////*/

    /// @param escrow_ The RDEscrow whose projects this registry describes.
    /// @param pool_ The ContingencyPool (the only caller of {failover}).
    /// @param oracle_ The DisruptionOracle consulted for substitutes' health.
    constructor(IRDEscrow escrow_, address pool_, IDisruptionOracle oracle_) {
        if (address(escrow_) == address(0) || pool_ == address(0) || address(oracle_) == address(0)) {
            revert Errors.SupplyChainRegistry_ZeroAddress();
        }
        _escrow = escrow_;
        _pool = pool_;
        _oracle = oracle_;
    }

    /*//////////////////////////////////////////////////////////////////////////
                                     READ-ONLY
    //////////////////////////////////////////////////////////////////////////*/

    /// @inheritdoc IComponentRegistry
    function escrow() external view override returns (address) {
        return address(_escrow);
    }

    /// @inheritdoc IComponentRegistry
    function pool() external view override returns (address) {
        return _pool;
    }

    /// @inheritdoc IComponentRegistry
    function oracle() external view override returns (address) {
        return address(_oracle);
    }

    /// @inheritdoc ISupplyChainRegistry
    function isProjectPayee(uint256 projectId, address account) external view override returns (bool) {
        return _payees[projectId][account];
    }

    /// @inheritdoc IComponentRegistry
    function getSupplier(address supplier) external view override returns (SupplyChainTypes.Supplier memory) {
        return _suppliers[supplier];
    }

    /// @inheritdoc IComponentRegistry
    function componentCount(uint256 projectId) external view override returns (uint256) {
        return _componentCount[projectId];
    }

    /// @inheritdoc IComponentRegistry
    function getComponent(
        uint256 projectId,
        uint256 componentId
    ) external view override returns (SupplyChainTypes.ComponentView memory view_) {
        SupplyChainTypes.Component storage c = _existingComponent(projectId, componentId);
        uint256 count = c.substituteCount;
        view_.metadataHash = c.metadataHash;
        view_.primary = c.primary;
        view_.current = c.current;
        view_.currentIndex = c.currentIndex;
        view_.lastConfirmationId = c.lastConfirmationId;
        view_.substitutes = new SupplyChainTypes.Substitute[](count);
        for (uint256 i = 0; i < count; ++i) {
            view_.substitutes[i] = _substitutes[projectId][componentId][i];
        }
    }

    /// @inheritdoc IComponentRegistry
    function currentSupplier(uint256 projectId, uint256 componentId) external view override returns (address) {
        return _existingComponent(projectId, componentId).current;
    }

    /// @inheritdoc IComponentRegistry
    function pairCount(address supplier) external view override returns (uint256) {
        return _pairs[supplier].length;
    }

    /// @inheritdoc IComponentRegistry
    function pairsOf(
        address supplier,
        uint256 start,
        uint256 max
    ) external view override returns (uint256 total, uint256[] memory projectIds, uint256[] memory componentIds) {
        uint128[] storage pairs = _pairs[supplier];
        total = pairs.length;
        uint256 end = start >= total ? start : (total - start > max ? start + max : total);
        projectIds = new uint256[](end - start);
        componentIds = new uint256[](end - start);
        for (uint256 i = start; i < end; ++i) {
            uint128 entry = pairs[i];
            projectIds[i - start] = entry >> 64;
            componentIds[i - start] = uint64(entry);
        }
    }

    /*//////////////////////////////////////////////////////////////////////////
                                  STATE-CHANGING
    //////////////////////////////////////////////////////////////////////////*/

    /// @inheritdoc IComponentRegistry
    function registerSupplier(bytes32 metadataHash, bytes2 region) external override {
        _register(msg.sender, metadataHash, region);
    }

    /// @inheritdoc IComponentRegistry
    function registerSupplierFor(
        uint256 projectId,
        address supplier,
        bytes32 metadataHash,
        bytes2 region
    ) external override {
        _checkFirm(projectId);
        if (supplier == address(0)) revert Errors.SupplyChainRegistry_ZeroAddress();
        if (_suppliers[supplier].registered) revert Errors.SupplyChainRegistry_SupplierAlreadyRegistered(supplier);
        _register(supplier, metadataHash, region);
        _addPayee(projectId, supplier);
    }

    /// @inheritdoc IComponentRegistry
    function addProjectSupplier(uint256 projectId, address supplier) external override {
        _checkFirm(projectId);
        _checkRegistered(supplier);
        _addPayee(projectId, supplier);
    }

    /// @inheritdoc IComponentRegistry
    function defineComponent(
        uint256 projectId,
        bytes32 metadataHash,
        address primary,
        SupplyChainTypes.SubstituteInput[] calldata substitutes
    ) external override returns (uint256 componentId) {
        _checkFirm(projectId);
        uint256 count = substitutes.length;
        if (count == 0 || count > MAX_SUBSTITUTES) {
            revert Errors.SupplyChainRegistry_InvalidSubstituteCount(count, MAX_SUBSTITUTES);
        }
        componentId = _componentCount[projectId] + 1;
        if (projectId > type(uint64).max || componentId > type(uint64).max) {
            revert Errors.SupplyChainRegistry_IdTooLarge(projectId, componentId);
        }
        _componentCount[projectId] = componentId;

        _checkRegistered(primary);
        _addPair(primary, projectId, componentId);
        _addPayee(projectId, primary);

        address[] memory subs = new address[](count);
        uint256[] memory advances = new uint256[](count);
        mapping(uint256 => SupplyChainTypes.Substitute) storage stored = _substitutes[projectId][componentId];
        for (uint256 i = 0; i < count; ++i) {
            address supplier = substitutes[i].supplier;
            uint256 advance = substitutes[i].advance;
            _checkRegistered(supplier);
            if (supplier == primary) revert Errors.SupplyChainRegistry_DuplicateSupplier(supplier);
            for (uint256 j = 0; j < i; ++j) {
                if (subs[j] == supplier) revert Errors.SupplyChainRegistry_DuplicateSupplier(supplier);
            }
            if (advance == 0 || advance > type(uint96).max) {
                revert Errors.SupplyChainRegistry_InvalidAdvance(i, advance, type(uint96).max);
            }
            subs[i] = supplier;
            advances[i] = advance;
            stored[i] = SupplyChainTypes.Substitute({ supplier: supplier, advance: uint96(advance) });
            _addPair(supplier, projectId, componentId);
            _addPayee(projectId, supplier);
        }
        _components[projectId][componentId] = SupplyChainTypes.Component({
            current: primary,
            currentIndex: 0,
            // Safe: count <= MAX_SUBSTITUTES.
            substituteCount: uint8(count),
            lastConfirmationId: 0,
            primary: primary,
            metadataHash: metadataHash
        });
        emit ComponentDefined(projectId, componentId, primary, subs, advances, metadataHash);
    }

    /// @inheritdoc IComponentRegistry
    function switchSupplier(uint256 projectId, uint256 componentId, address to) external override {
        _checkFirm(projectId);
        SupplyChainTypes.Component storage c = _existingComponent(projectId, componentId);
        address from = c.current;
        if (to == from) revert Errors.SupplyChainRegistry_AlreadyCurrent(projectId, componentId, to);
        uint256 index;
        if (to != c.primary) {
            uint256 count = c.substituteCount;
            mapping(uint256 => SupplyChainTypes.Substitute) storage subs = _substitutes[projectId][componentId];
            for (; index < count; ++index) {
                if (subs[index].supplier == to) break;
            }
            if (index == count) revert Errors.SupplyChainRegistry_NotComponentSupplier(projectId, componentId, to);
            ++index; // 1-based for substitutes
        }
        c.current = to;
        // Safe: index <= MAX_SUBSTITUTES.
        c.currentIndex = uint8(index);
        emit ComponentSwitched(projectId, componentId, to, from, 0);
    }

    /// @inheritdoc IComponentRegistry
    function failover(
        uint256 projectId,
        uint256 componentId,
        address disrupted,
        uint256 confirmationId,
        uint256 budget
    ) external override returns (SupplyChainTypes.FailoverOutcome, address, uint256) {
        if (msg.sender != _pool) revert Errors.SupplyChainRegistry_CallerNotPool(msg.sender);
        // Hot path (runs in the oracle's confirming transaction): slot 0 of the component and each candidate's
        // slot are read whole and slot 0 is written whole. Layouts: see {SupplyChainTypes.Component} (current
        // 0..159, currentIndex 160..167, substituteCount 168..175, lastConfirmationId 176..239) and
        // {SupplyChainTypes.Substitute} (supplier 0..159, advance 160..255).
        SupplyChainTypes.Component storage c = _components[projectId][componentId];
        uint256 slot0;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            slot0 := sload(c.slot)
        }
        if (address(uint160(slot0)) != disrupted) return (SupplyChainTypes.FailoverOutcome.NotAffected, address(0), 0);
        if (uint64(slot0 >> 176) == confirmationId) {
            return (SupplyChainTypes.FailoverOutcome.AlreadyHandled, address(0), 0);
        }
        uint256 count = uint8(slot0 >> 168);
        (uint256 index, address candidate, uint256 advance) = _firstHealthy(projectId, componentId, count, disrupted);
        if (index == count) return (SupplyChainTypes.FailoverOutcome.NoHealthySubstitute, address(0), 0);
        if (advance > budget) return (SupplyChainTypes.FailoverOutcome.OverBudget, candidate, advance);
        // Safe: index < MAX_SUBSTITUTES; confirmation ids are sequential from 1 and never reach 2^64.
        slot0 =
            uint256(uint160(candidate)) |
            ((index + 1) << 160) |
            (count << 168) |
            (uint256(uint64(confirmationId)) << 176);
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            sstore(c.slot, slot0)
        }
        emit ComponentSwitched(projectId, componentId, candidate, disrupted, confirmationId);
        return (SupplyChainTypes.FailoverOutcome.Switched, candidate, advance);
    }

    /*//////////////////////////////////////////////////////////////////////////
                                      PRIVATE
    //////////////////////////////////////////////////////////////////////////*/

    /// @dev The first substitute that is neither `disrupted` nor disrupted per the oracle: its index (`count` when
    /// none), address and advance. Each candidate's slot is read whole.
    function _firstHealthy(
        uint256 projectId,
        uint256 componentId,
        uint256 count,
        address disrupted
    ) private view returns (uint256 index, address candidate, uint256 advance) {
        mapping(uint256 => SupplyChainTypes.Substitute) storage subs = _substitutes[projectId][componentId];
        for (; index < count; ++index) {
            SupplyChainTypes.Substitute storage sub = subs[index];
            uint256 packed;
            // solhint-disable-next-line no-inline-assembly
            assembly ("memory-safe") {
                packed := sload(sub.slot)
            }
            candidate = address(uint160(packed));
            if (candidate != disrupted && !_isDisrupted(candidate)) return (index, candidate, packed >> 160);
        }
        return (count, address(0), 0);
    }

    /// @dev `oracle.isDisrupted(supplier)` without the ABI helpers (hot path); bubbles up an oracle revert.
    function _isDisrupted(address supplier) private view returns (bool disrupted) {
        address oracle_ = address(_oracle);
        bytes4 selector = IDisruptionOracle.isDisrupted.selector;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, selector)
            mstore(add(ptr, 0x04), shr(96, shl(96, supplier))) // clean: `supplier` may come from a packed slot
            let ok := staticcall(gas(), oracle_, ptr, 0x24, 0x00, 0x20)
            if iszero(ok) {
                returndatacopy(ptr, 0, returndatasize())
                revert(ptr, returndatasize())
            }
            if lt(returndatasize(), 0x20) {
                revert(0, 0)
            }
            disrupted := iszero(iszero(mload(0x00)))
        }
    }

    function _register(address supplier, bytes32 metadataHash, bytes2 region) private {
        if (region == bytes2(0)) revert Errors.SupplyChainRegistry_InvalidRegion(region);
        _suppliers[supplier] = SupplyChainTypes.Supplier({
            metadataHash: metadataHash,
            region: region,
            registered: true
        });
        emit SupplierRegistered(supplier, msg.sender, metadataHash, region);
    }

    function _addPayee(uint256 projectId, address supplier) private {
        if (_payees[projectId][supplier]) return;
        _payees[projectId][supplier] = true;
        emit ProjectSupplierAdded(projectId, supplier);
    }

    function _addPair(address supplier, uint256 projectId, uint256 componentId) private {
        uint128[] storage pairs = _pairs[supplier];
        if (pairs.length >= MAX_PAIRS_PER_SUPPLIER) {
            revert Errors.SupplyChainRegistry_TooManyPairs(supplier, MAX_PAIRS_PER_SUPPLIER);
        }
        // Safe: both ids were checked to be < 2^64.
        pairs.push(uint128((projectId << 64) | componentId));
    }

    function _checkFirm(uint256 projectId) private view {
        address firm = _escrow.projectFirm(projectId);
        if (msg.sender != firm) revert Errors.SupplyChainRegistry_CallerNotFirm(projectId, msg.sender);
    }

    function _checkRegistered(address supplier) private view {
        if (!_suppliers[supplier].registered) revert Errors.SupplyChainRegistry_SupplierNotRegistered(supplier);
    }

    function _existingComponent(
        uint256 projectId,
        uint256 componentId
    ) private view returns (SupplyChainTypes.Component storage c) {
        c = _components[projectId][componentId];
        if (c.substituteCount == 0) revert Errors.SupplyChainRegistry_ComponentNotFound(projectId, componentId);
    }
}
