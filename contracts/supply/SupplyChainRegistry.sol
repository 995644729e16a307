// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { Math } from "@openzeppelin/contracts/utils/math/Math.sol";

import { IComponentRegistry } from "../interfaces/IComponentRegistry.sol";
import { IDisruptionOracle } from "../interfaces/IDisruptionOracle.sol";
import { IRDEscrow } from "../interfaces/IRDEscrow.sol";
import { ISupplyChainRegistry } from "../interfaces/ISupplyChainRegistry.sol";
import { Errors } from "../libraries/Errors.sol";
import { SupplyChainTypes } from "../types/SupplyChainTypes.sol";

/// @title SupplyChainRegistry
/// @notice Suppliers, each project's critical components with their substitutes, and the reverse index
/// supplier → (project, component). See the documentation in {IComponentRegistry}.
/// @dev Gas: the automatic failover of one pair reads its reverse-index entry (which carries the disrupted
/// supplier's position in the component and the component's substitute count, so the component's record is not
/// read), the project's word of current-supplier codes (4 bits per component, 64 components per word: a
/// disruption that hits several components of one project reads and writes one warm word), and its first
/// healthy substitute's slot (address and advance packed), asking the oracle once per candidate. The reverse
/// index packs four pairs per slot. Its three collaborators are immutables; the deploy helper predicts the
/// addresses of those deployed after the registry (scripts/lib/deploy-stack.ts).
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

    /// @dev Each component's substitutes in order, keyed by `projectId << 16 | componentId` (see {_componentKey}).
    mapping(uint256 componentKey => SupplyChainTypes.Substitute[MAX_SUBSTITUTES] substitutes) private _substitutes;

    /// @dev Each component's current supplier as a 4-bit code, 1 + its index (index 0 = the primary, i = the i-th
    /// substitute; code 0 = no such component): component `c` of project `p` at bits `4 * ((c - 1) % 64)` of
    /// the word keyed `p << 10 | (c - 1) / 64`. The definition writes code 1, so a word is never zero once it
    /// holds a component and a failover rewrites a set slot (2,900 gas) instead of filling an empty one (20,000).
    mapping(uint256 wordKey => uint256 indexes) private _currentIndexes;

    /// @dev Each entry packs `projectId << 32 | componentId << 16 | position << 8 | substituteCount` (projectId <
    /// 2^32, componentId < 2^16; position = the supplier's place in the component: 0 = primary, i = i-th
    /// substitute), four entries per slot. Entries are only ever appended, so an index names a pair for good.
    mapping(address supplier => uint64[] pairs) private _pairs;

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
        uint256 index = _currentIndex(projectId, componentId);
        view_.metadataHash = c.metadataHash;
        view_.primary = c.primary;
        view_.current = _supplierAt(projectId, componentId, index);
        // Safe: index <= MAX_SUBSTITUTES.
        view_.currentIndex = uint8(index);
        view_.substitutes = new SupplyChainTypes.Substitute[](count);
        for (uint256 i = 0; i < count; ++i) {
            view_.substitutes[i] = _substitutes[_componentKey(projectId, componentId)][i];
        }
    }

    /// @inheritdoc IComponentRegistry
    function currentSupplier(uint256 projectId, uint256 componentId) external view override returns (address) {
        _existingComponent(projectId, componentId);
        return _supplierAt(projectId, componentId, _currentIndex(projectId, componentId));
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
        uint64[] storage pairs = _pairs[supplier];
        total = pairs.length;
        uint256 end = start >= total ? start : (total - start > max ? start + max : total);
        projectIds = new uint256[](end - start);
        componentIds = new uint256[](end - start);
        // Read on the failover path: each storage slot of the index (four entries) is loaded once.
        uint256 dataSlot;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(0x00, pairs.slot)
            dataSlot := keccak256(0x00, 0x20)
        }
        uint256 i = start;
        while (i < end) {
            uint256 word;
            // solhint-disable-next-line no-inline-assembly
            assembly ("memory-safe") {
                word := sload(add(dataSlot, shr(2, i)))
            }
            // The entries of this slot within [start, end): up to the next multiple of four.
            uint256 slotEnd = Math.min((i | 3) + 1, end);
            // Unchecked: start <= i < slotEnd <= end.
            unchecked {
                for (; i < slotEnd; ++i) {
                    (projectIds[i - start], componentIds[i - start]) = _pairIds(uint64(word >> ((i & 3) << 6)));
                }
            }
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
    function removeProjectSupplier(uint256 projectId, address supplier) external override {
        _checkFirm(projectId);
        if (!_payees[projectId][supplier]) revert Errors.SupplyChainRegistry_NotProjectPayee(projectId, supplier);
        delete _payees[projectId][supplier];
        emit ProjectSupplierRemoved(projectId, supplier);
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
        if (projectId > type(uint32).max || componentId > type(uint16).max) {
            revert Errors.SupplyChainRegistry_IdTooLarge(projectId, componentId);
        }
        _componentCount[projectId] = componentId;

        _checkRegistered(primary);
        _addPair(primary, projectId, componentId, 0, count);
        _addPayee(projectId, primary);

        address[] memory subs = new address[](count);
        uint256[] memory advances = new uint256[](count);
        SupplyChainTypes.Substitute[MAX_SUBSTITUTES] storage stored = _substitutes[
            _componentKey(projectId, componentId)
        ];
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
            _addPair(supplier, projectId, componentId, i + 1, count);
            _addPayee(projectId, supplier);
        }
        _setCurrentIndex(projectId, componentId, 0); // the primary
        _components[projectId][componentId] = SupplyChainTypes.Component({
            primary: primary,
            // Safe: count <= MAX_SUBSTITUTES.
            substituteCount: uint8(count),
            metadataHash: metadataHash
        });
        emit ComponentDefined(projectId, componentId, primary, subs, advances, metadataHash);
    }

    /// @inheritdoc IComponentRegistry
    function switchSupplier(uint256 projectId, uint256 componentId, address to) external override {
        _checkFirm(projectId);
        SupplyChainTypes.Component storage c = _existingComponent(projectId, componentId);
        address from = _supplierAt(projectId, componentId, _currentIndex(projectId, componentId));
        if (to == from) revert Errors.SupplyChainRegistry_AlreadyCurrent(projectId, componentId, to);
        uint256 index;
        if (to != c.primary) {
            uint256 count = c.substituteCount;
            SupplyChainTypes.Substitute[MAX_SUBSTITUTES] storage subs = _substitutes[
                _componentKey(projectId, componentId)
            ];
            for (; index < count; ++index) {
                if (subs[index].supplier == to) break;
            }
            if (index == count) revert Errors.SupplyChainRegistry_NotComponentSupplier(projectId, componentId, to);
            ++index; // 1-based for substitutes
        }
        // A component never goes back to a disrupted supplier: that keeps the failover of each disruption to at
        // most one payment per pair (a switched pair no longer names the disrupted supplier as current).
        if (_isDisrupted(to)) revert Errors.SupplyChainRegistry_SupplierDisrupted(to);
        _setCurrentIndex(projectId, componentId, index);
        emit ComponentSwitched(projectId, componentId, to, from, 0);
    }

    /// @inheritdoc IComponentRegistry
    function failover(
        address disrupted,
        uint256 pairIndex,
        uint256 confirmationId,
        uint256 budget
    ) external override returns (SupplyChainTypes.FailoverOutcome, address, uint256) {
        if (msg.sender != _pool) revert Errors.SupplyChainRegistry_CallerNotPool(msg.sender);
        // Hot path (runs in the oracle's confirming transaction). The entry's layout: see {_pairs}.
        uint64[] storage pairs = _pairs[disrupted];
        uint256 entry;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            // Element `pairIndex` of a uint64[]: slot keccak(pairs) + pairIndex / 4, bits 64 * (pairIndex % 4).
            // The length is not read: an index beyond it finds a zero entry (slots are never written past it).
            mstore(0x00, pairs.slot)
            entry := and(
                shr(shl(6, and(pairIndex, 3)), sload(add(keccak256(0x00, 0x20), shr(2, pairIndex)))),
                0xffffffffffffffff
            )
        }
        // Every stored entry has a substitute count of 1..8; a zero entry lies beyond the index.
        if (uint8(entry) == 0) revert Errors.SupplyChainRegistry_PairNotFound(disrupted, pairIndex);
        (uint256 projectId, uint256 componentId) = _pairIds(entry);
        return _failover(projectId, componentId, entry, disrupted, confirmationId, budget);
    }

    /*//////////////////////////////////////////////////////////////////////////
                                      PRIVATE
    //////////////////////////////////////////////////////////////////////////*/

    /// @dev {failover} of the pair `entry` (project `projectId`, component `componentId`).
    function _failover(
        uint256 projectId,
        uint256 componentId,
        uint256 entry,
        address disrupted,
        uint256 confirmationId,
        uint256 budget
    ) private returns (SupplyChainTypes.FailoverOutcome outcome, address substitute, uint256 advance) {
        (uint256 wordSlot, uint256 shift) = _indexWordSlot(projectId, componentId);
        uint256 indexes;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            indexes := sload(wordSlot)
        }
        // Not affected when the component's current supplier is not the disrupted one (any more).
        if (_indexIn(indexes, shift) != ((entry >> 8) & 0xff)) {
            return (SupplyChainTypes.FailoverOutcome.NotAffected, address(0), 0);
        }
        uint256 count = uint8(entry);
        uint256 index;
        (index, substitute, advance) = _firstHealthy(projectId, componentId, count, disrupted);
        if (index == count) return (SupplyChainTypes.FailoverOutcome.NoHealthySubstitute, address(0), 0);
        if (advance > budget) return (SupplyChainTypes.FailoverOutcome.OverBudget, substitute, advance);
        // Substitute `index` (0-based) is the component's supplier index `index + 1`.
        indexes = _withIndex(indexes, shift, index + 1);
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            sstore(wordSlot, indexes)
        }
        emit ComponentSwitched(projectId, componentId, substitute, disrupted, confirmationId);
        return (SupplyChainTypes.FailoverOutcome.Switched, substitute, advance);
    }

    /// @dev The first substitute that is neither `disrupted` nor disrupted per the oracle: its index (`count` when
    /// none), address and advance. Each candidate's slot is read whole.
    function _firstHealthy(
        uint256 projectId,
        uint256 componentId,
        uint256 count,
        address disrupted
    ) private view returns (uint256 index, address candidate, uint256 advance) {
        SupplyChainTypes.Substitute[MAX_SUBSTITUTES] storage subs = _substitutes[_componentKey(projectId, componentId)];
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

    function _addPair(
        address supplier,
        uint256 projectId,
        uint256 componentId,
        uint256 position,
        uint256 substituteCount
    ) private {
        uint64[] storage pairs = _pairs[supplier];
        if (pairs.length >= MAX_PAIRS_PER_SUPPLIER) {
            revert Errors.SupplyChainRegistry_TooManyPairs(supplier, MAX_PAIRS_PER_SUPPLIER);
        }
        // Safe: projectId < 2^32 and componentId < 2^16 were checked; position and count are at most 8.
        pairs.push(uint64((projectId << 32) | (componentId << 16) | (position << 8) | substituteCount));
    }

    /// @dev The storage slot of the word that holds the component's current-supplier index, and the index's bit
    /// offset in it (see {_currentIndexes}).
    function _indexWordSlot(uint256 projectId, uint256 componentId) private pure returns (uint256 slot, uint256 shift) {
        uint256 wordKey;
        // Unchecked: component ids start at 1; callers pass an existing component's id (or one read from the
        // reverse index), so componentId - 1 does not underflow.
        unchecked {
            wordKey = (projectId << 10) | ((componentId - 1) >> 6);
            shift = ((componentId - 1) & 63) << 2;
        }
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(0x00, wordKey)
            mstore(0x20, _currentIndexes.slot)
            slot := keccak256(0x00, 0x40)
        }
    }

    /// @dev The key of a component in {_substitutes}. Unique for every component that can exist (projectId <
    /// 2^32 and componentId < 2^16 are checked at definition).
    function _componentKey(uint256 projectId, uint256 componentId) private pure returns (uint256) {
        return (projectId << 16) | componentId;
    }

    /// @dev The component's current-supplier index (0 = the primary, i = the i-th substitute).
    function _currentIndex(uint256 projectId, uint256 componentId) private view returns (uint256 index) {
        (uint256 slot, uint256 shift) = _indexWordSlot(projectId, componentId);
        uint256 indexes;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            indexes := sload(slot)
        }
        return _indexIn(indexes, shift);
    }

    function _setCurrentIndex(uint256 projectId, uint256 componentId, uint256 index) private {
        (uint256 slot, uint256 shift) = _indexWordSlot(projectId, componentId);
        uint256 indexes;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            indexes := sload(slot)
        }
        indexes = _withIndex(indexes, shift, index);
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            sstore(slot, indexes)
        }
    }

    /// @dev The supplier index held at bit `shift` of a word of {_currentIndexes}: its 4-bit code minus one
    /// (wraps for code 0, which no defined component has).
    function _indexIn(uint256 indexes, uint256 shift) private pure returns (uint256 index) {
        unchecked {
            return ((indexes >> shift) & 0xf) - 1;
        }
    }

    /// @dev The word with supplier index `index` (<= MAX_SUBSTITUTES) stored at bit `shift`, as code `index + 1`.
    function _withIndex(uint256 indexes, uint256 shift, uint256 index) private pure returns (uint256) {
        unchecked {
            return (indexes & ~(uint256(0xf) << shift)) | ((index + 1) << shift);
        }
    }

    /// @dev The project and component ids of a reverse-index entry (layout: see {_pairs}).
    function _pairIds(uint256 entry) private pure returns (uint256 projectId, uint256 componentId) {
        return (entry >> 32, uint16(entry >> 16));
    }

    /// @dev The supplier at `index` of an existing component (0 = the primary, i = the i-th substitute).
    function _supplierAt(uint256 projectId, uint256 componentId, uint256 index) private view returns (address) {
        if (index == 0) return _components[projectId][componentId].primary;
        return _substitutes[_componentKey(projectId, componentId)][index - 1].supplier;
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
