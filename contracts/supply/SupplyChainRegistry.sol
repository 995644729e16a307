// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { EIP712 } from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import { SignatureChecker } from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import { Math } from "@openzeppelin/contracts/utils/math/Math.sol";
import { Nonces } from "@openzeppelin/contracts/utils/Nonces.sol";

import { ISupplyChainRegistry } from "../interfaces/ISupplyChainRegistry.sol";
import { IDisruptionOracle } from "../interfaces/IDisruptionOracle.sol";
import { IRDEscrow } from "../interfaces/IRDEscrow.sol";
import { IProjectPayees } from "../interfaces/IProjectPayees.sol";
import { Errors } from "../libraries/Errors.sol";
import { ListingStamps } from "../types/ListingStamps.sol";
import { PairEntry, PairEntryLib } from "../types/PairEntry.sol";
import { SupplierCodes, SupplierCodesLib } from "../types/SupplierCodes.sol";
import { SupplyChainTypes } from "../types/SupplyChainTypes.sol";

/// @title SupplyChainRegistry
/// @notice Suppliers, each project's critical components with their substitutes, the suppliers' consent to each
/// listing, and the reverse index supplier → (project, component). See the documentation in {ISupplyChainRegistry}.
/// @dev Gas: the automatic failover of one pair reads its reverse-index entry (which carries the disrupted
/// supplier's position in the component and the component's substitute count, so the component's record is not
/// read), the project's word of current-supplier codes (4 bits per component, 64 components per word: a
/// disruption that hits several components of one project reads and writes one warm word), the component's
/// {ListingStamps} word (which listings were accepted and past their notice at the confirmation) and its first
/// eligible healthy substitute's slot (address and advance packed), asking the oracle once per candidate. The
/// reverse index packs four pairs per slot. Its three collaborators are immutables; the deploy helper predicts
/// the addresses of those deployed after the registry (scripts/lib/deploy-stack.ts).
contract SupplyChainRegistry is ISupplyChainRegistry, EIP712, Nonces {
    /*//////////////////////////////////////////////////////////////////////////
                                     CONSTANTS
    //////////////////////////////////////////////////////////////////////////*/

    /// @inheritdoc ISupplyChainRegistry
    uint256 public constant override MAX_SUBSTITUTES = 8;

    /// @inheritdoc ISupplyChainRegistry
    uint256 public constant override MAX_PAIRS_PER_SUPPLIER = 64;

    /// @inheritdoc ISupplyChainRegistry
    uint256 public constant override LISTING_NOTICE = 7 days;

    /// @dev What {_firstHealthy} returns as the index when the disrupted supplier's own listing did not count.
    uint256 private constant _NOT_ELIGIBLE = type(uint256).max;

    /// @dev EIP-712 type of a supplier's signed record ({registerSupplierWithSig}).
    bytes32 private constant _SUPPLIER_RECORD_TYPEHASH = keccak256(
        "SupplierRecord(address supplier,bytes32 metadataHash,bytes2 region,uint256 nonce,uint256 deadline)"
    );

    /// @dev EIP-712 type of a supplier's signed acceptance of a listing ({acceptListingWithSig}).
    bytes32 private constant _LISTING_TYPEHASH = keccak256(
        "Listing(address supplier,uint256 projectId,uint256 componentId,uint256 position,uint256 advance,"
        "bytes32 metadataHash,uint256 deadline)"
    );

    /*//////////////////////////////////////////////////////////////////////////
                                       STATE
    //////////////////////////////////////////////////////////////////////////*/

    IRDEscrow private immutable _escrow;
    address private immutable _pool;
    IDisruptionOracle private immutable _oracle;

    mapping(address supplier => SupplyChainTypes.Supplier record) private _suppliers;

    mapping(uint256 projectId => uint256 count) private _componentCount;

    mapping(uint256 projectId => mapping(uint256 componentId => SupplyChainTypes.Component)) private _components;

    /// @dev Each component's substitutes in order and its listings' stamps, keyed by `projectId << 16 |
    /// componentId` (see {_componentKey}).
    mapping(uint256 componentKey => SupplyChainTypes.Listings listings) private _listings;

    /// @dev Each component's current supplier, 64 components per word (layout: {SupplierCodes}).
    mapping(uint256 wordKey => SupplierCodes codes) private _currentIndexes;

    /// @dev The supplier's accepted listings, four entries per slot (layout: {PairEntry}). Accepting appends;
    /// leaving moves the last entry into the left one's place. Both are refused while the oracle holds the supplier
    /// disrupted, so the indexes a queued failover of the supplier's current disruption walks stay put.
    mapping(address supplier => PairEntry[] pairs) private _pairs;

    /*//////////////////////////////////////////////////////////////////////////
                                    CONSTRUCTOR
    //////////////////////////////////////////////////////////////////////////*/

    /// @param escrow_ The RDEscrow whose projects this registry describes.
    /// @param pool_ The ContingencyPool (the only caller of {failover}).
    /// @param oracle_ The DisruptionOracle consulted for substitutes' health.
    constructor(IRDEscrow escrow_, address pool_, IDisruptionOracle oracle_) EIP712("RDCF Supply Chain Registry", "1") {
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

    /// @inheritdoc ISupplyChainRegistry
    function escrow() external view override returns (address) {
        return address(_escrow);
    }

    /// @inheritdoc ISupplyChainRegistry
    function pool() external view override returns (address) {
        return _pool;
    }

    /// @inheritdoc ISupplyChainRegistry
    function oracle() external view override returns (address) {
        return address(_oracle);
    }

    /// @inheritdoc IProjectPayees
    function isProjectPayee(uint256 projectId, address account) external view override returns (bool) {
        return _escrow.isProjectPayee(projectId, account);
    }

    /// @inheritdoc ISupplyChainRegistry
    function getSupplier(address supplier) external view override returns (SupplyChainTypes.Supplier memory) {
        return _suppliers[supplier];
    }

    /// @inheritdoc ISupplyChainRegistry
    function nonces(address owner) public view override(ISupplyChainRegistry, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    /// @inheritdoc ISupplyChainRegistry
    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() external view override returns (bytes32) {
        return _domainSeparatorV4();
    }

    /// @inheritdoc ISupplyChainRegistry
    function componentCount(uint256 projectId) external view override returns (uint256) {
        return _componentCount[projectId];
    }

    /// @inheritdoc ISupplyChainRegistry
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
        SupplyChainTypes.Substitute[MAX_SUBSTITUTES] storage subs = _listings[_componentKey(projectId, componentId)]
            .substitutes;
        for (uint256 i = 0; i < count; ++i) {
            view_.substitutes[i] = subs[i];
        }
    }

    /// @inheritdoc ISupplyChainRegistry
    function getListings(
        uint256 projectId,
        uint256 componentId
    )
        external
        view
        override
        returns (
            address[] memory suppliers,
            SupplyChainTypes.ListingStatus[] memory statuses,
            uint256[] memory eligibleFrom
        )
    {
        SupplyChainTypes.Component storage c = _existingComponent(projectId, componentId);
        uint256 n = uint256(c.substituteCount) + 1;
        uint256 closedMask = c.closedMask;
        ListingStamps stamps = _listings[_componentKey(projectId, componentId)].stamps;
        suppliers = new address[](n);
        statuses = new SupplyChainTypes.ListingStatus[](n);
        eligibleFrom = new uint256[](n);
        for (uint256 position = 0; position < n; ++position) {
            suppliers[position] = _supplierAt(projectId, componentId, position);
            statuses[position] = _status(closedMask, stamps, position);
            eligibleFrom[position] = stamps.eligibleFrom(position);
        }
    }

    /// @inheritdoc ISupplyChainRegistry
    function currentSupplier(uint256 projectId, uint256 componentId) external view override returns (address) {
        _existingComponent(projectId, componentId);
        return _supplierAt(projectId, componentId, _currentIndex(projectId, componentId));
    }

    /// @inheritdoc ISupplyChainRegistry
    function pairCount(address supplier) external view override returns (uint256) {
        return _pairs[supplier].length;
    }

    /// @inheritdoc ISupplyChainRegistry
    function pairsOf(
        address supplier,
        uint256 start,
        uint256 max
    ) external view override returns (uint256 total, uint256[] memory projectIds, uint256[] memory componentIds) {
        PairEntry[] storage pairs = _pairs[supplier];
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
                    PairEntry entry = PairEntryLib.fromWord(word, i);
                    (projectIds[i - start], componentIds[i - start]) = (entry.projectId(), entry.componentId());
                }
            }
        }
    }

    /*//////////////////////////////////////////////////////////////////////////
                                  STATE-CHANGING
    //////////////////////////////////////////////////////////////////////////*/

    /// @inheritdoc ISupplyChainRegistry
    function registerSupplier(bytes32 metadataHash, bytes2 region) external override {
        // Spends the supplier's nonce too, so a signed record handed out earlier cannot undo this update.
        _useNonce(msg.sender);
        _register(msg.sender, metadataHash, region);
    }

    /// @inheritdoc ISupplyChainRegistry
    function registerSupplierWithSig(
        address supplier,
        bytes32 metadataHash,
        bytes2 region,
        uint256 deadline,
        bytes calldata signature
    ) external override {
        _checkDeadline(deadline);
        bytes32 structHash = keccak256(
            abi.encode(_SUPPLIER_RECORD_TYPEHASH, supplier, metadataHash, region, _useNonce(supplier), deadline)
        );
        _checkSignature(supplier, structHash, signature);
        _register(supplier, metadataHash, region);
    }

    /// @inheritdoc ISupplyChainRegistry
    function addProjectSupplier(uint256 projectId, address supplier) external override {
        _checkFirm(projectId);
        _checkRegistered(supplier);
        _addPayee(projectId, supplier);
    }

    /// @inheritdoc ISupplyChainRegistry
    function removeProjectSupplier(uint256 projectId, address supplier) external override {
        _checkFirm(projectId);
        if (!_escrow.setProjectPayee(projectId, supplier, false)) {
            revert Errors.SupplyChainRegistry_NotProjectPayee(projectId, supplier);
        }
        emit ProjectSupplierRemoved(projectId, supplier);
    }

    /// @inheritdoc ISupplyChainRegistry
    function defineComponent(
        uint256 projectId,
        bytes32 metadataHash,
        address primary,
        SupplyChainTypes.SubstituteInput[] calldata substitutes
    ) external override returns (uint256 componentId) {
        address firm = _checkFirm(projectId);
        uint256 count = substitutes.length;
        if (count == 0 || count > MAX_SUBSTITUTES) {
            revert Errors.SupplyChainRegistry_InvalidSubstituteCount(count, MAX_SUBSTITUTES);
        }
        componentId = _componentCount[projectId] + 1;
        if (projectId > type(uint32).max || componentId > type(uint16).max) {
            revert Errors.SupplyChainRegistry_IdTooLarge(projectId, componentId);
        }
        _componentCount[projectId] = componentId;
        _checkListable(primary);

        (address[] memory subs, uint256[] memory advances) = _storeSubstitutes(
            projectId,
            componentId,
            firm,
            primary,
            substitutes
        );
        _setCurrentIndex(projectId, componentId, 0); // the primary
        _components[projectId][componentId] = SupplyChainTypes.Component({
            primary: primary,
            // Safe: count <= MAX_SUBSTITUTES.
            substituteCount: uint8(count),
            closedMask: 0,
            metadataHash: metadataHash
        });
        emit ComponentDefined(projectId, componentId, primary, subs, advances, metadataHash);
    }

    /// @inheritdoc ISupplyChainRegistry
    function acceptListing(uint256 projectId, uint256 componentId) external override {
        _accept(projectId, componentId, msg.sender);
    }

    /// @inheritdoc ISupplyChainRegistry
    function acceptListingWithSig(
        uint256 projectId,
        uint256 componentId,
        address supplier,
        uint256 deadline,
        bytes calldata signature
    ) external override {
        _checkDeadline(deadline);
        _checkSignature(supplier, _listingHash(projectId, componentId, supplier, deadline), signature);
        _accept(projectId, componentId, supplier);
    }

    /// @inheritdoc ISupplyChainRegistry
    function leaveListing(uint256 projectId, uint256 componentId) external override {
        (uint256 position, ) = _positionOf(projectId, componentId, msg.sender);
        SupplyChainTypes.Component storage c = _components[projectId][componentId];
        uint256 closedMask = c.closedMask;
        SupplyChainTypes.Listings storage listings = _listings[_componentKey(projectId, componentId)];
        ListingStamps stamps = listings.stamps;
        SupplyChainTypes.ListingStatus status = _status(closedMask, stamps, position);
        if (status == SupplyChainTypes.ListingStatus.Closed) {
            revert Errors.SupplyChainRegistry_ListingClosed(projectId, componentId, msg.sender);
        }
        bool wasAccepted = status == SupplyChainTypes.ListingStatus.Accepted;
        if (wasAccepted) {
            // The reverse index changes: not while a failover of this supplier's disruption may be walking it.
            if (_isDisrupted(msg.sender)) revert Errors.SupplyChainRegistry_SupplierDisrupted(msg.sender);
            _removePair(msg.sender, projectId, componentId);
            listings.stamps = stamps.withEligibleFrom(position, 0);
        }
        // Safe: position <= MAX_SUBSTITUTES < 16.
        c.closedMask = uint16(closedMask | (1 << position));
        emit ListingLeft(projectId, componentId, msg.sender, position, wasAccepted);
    }

    /// @inheritdoc ISupplyChainRegistry
    function switchSupplier(uint256 projectId, uint256 componentId, address to) external override {
        _checkFirm(projectId);
        _existingComponent(projectId, componentId);
        address from = _supplierAt(projectId, componentId, _currentIndex(projectId, componentId));
        if (to == from) revert Errors.SupplyChainRegistry_AlreadyCurrent(projectId, componentId, to);
        (uint256 index, ) = _positionOf(projectId, componentId, to);
        if (_listings[_componentKey(projectId, componentId)].stamps.stampAt(index) == 0) {
            revert Errors.SupplyChainRegistry_ListingNotAccepted(projectId, componentId, to);
        }
        // A component never goes back to a disrupted supplier: that keeps the failover of each disruption to at
        // most one payment per pair (a switched pair no longer names the disrupted supplier as current).
        if (_isDisrupted(to)) revert Errors.SupplyChainRegistry_SupplierDisrupted(to);
        _setCurrentIndex(projectId, componentId, index);
        emit ComponentSwitched(projectId, componentId, to, from, 0);
    }

    /// @inheritdoc ISupplyChainRegistry
    function failover(
        address disrupted,
        uint256 pairIndex,
        uint256 confirmationId,
        uint256 confirmedAt,
        uint256 budget
    ) external override returns (SupplyChainTypes.FailoverOutcome, address, uint256) {
        if (msg.sender != _pool) revert Errors.SupplyChainRegistry_CallerNotPool(msg.sender);
        // Hot path (runs in the oracle's confirming transaction). The entry's layout: see {_pairs}.
        PairEntry[] storage pairs = _pairs[disrupted];
        uint256 word;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            // Element `pairIndex` of a PairEntry[] lies in slot keccak(pairs) + pairIndex / 4. The length is not
            // read: an index beyond it finds a zero entry (a popped slot is zeroed).
            mstore(0x00, pairs.slot)
            word := sload(add(keccak256(0x00, 0x20), shr(2, pairIndex)))
        }
        PairEntry entry = PairEntryLib.fromWord(word, pairIndex);
        // Every stored entry has a substitute count of 1..8; a zero entry lies beyond the index.
        if (entry.substituteCount() == 0) revert Errors.SupplyChainRegistry_PairNotFound(disrupted, pairIndex);
        // Stamps count in whole minutes (see {ListingStamps}).
        return _failover(entry, disrupted, confirmationId, confirmedAt / 60, budget);
    }

    /*//////////////////////////////////////////////////////////////////////////
                                      PRIVATE
    //////////////////////////////////////////////////////////////////////////*/

    /// @dev {failover} of the pair `entry` (layout: see {_pairs}) for a confirmation in Unix minute `minute`.
    function _failover(
        PairEntry entry,
        address disrupted,
        uint256 confirmationId,
        uint256 minute,
        uint256 budget
    ) private returns (SupplyChainTypes.FailoverOutcome, address substitute, uint256 advance) {
        {
            (uint256 wordSlot, uint256 shift) = _indexWordSlot(entry.projectId(), entry.componentId());
            SupplierCodes indexes;
            // solhint-disable-next-line no-inline-assembly
            assembly ("memory-safe") {
                indexes := sload(wordSlot)
            }
            // Not affected when the component's current supplier is not the disrupted one (any more).
            if (indexes.indexAt(shift) != entry.position()) {
                return (SupplyChainTypes.FailoverOutcome.NotAffected, address(0), 0);
            }
            uint256 index;
            (index, substitute, advance) = _firstHealthy(entry, disrupted, minute);
            if (index >= entry.substituteCount()) {
                return (
                    index == _NOT_ELIGIBLE
                        ? SupplyChainTypes.FailoverOutcome.NotEligible
                        : SupplyChainTypes.FailoverOutcome.NoHealthySubstitute,
                    address(0),
                    0
                );
            }
            if (advance > budget) return (SupplyChainTypes.FailoverOutcome.OverBudget, substitute, advance);
            // Substitute `index` (0-based) is the component's supplier index `index + 1`.
            indexes = indexes.withIndex(shift, index + 1);
            // solhint-disable-next-line no-inline-assembly
            assembly ("memory-safe") {
                sstore(wordSlot, indexes)
            }
        }
        emit ComponentSwitched(entry.projectId(), entry.componentId(), substitute, disrupted, confirmationId);
        return (SupplyChainTypes.FailoverOutcome.Switched, substitute, advance);
    }

    /// @dev For the affected pair `entry`: `_NOT_ELIGIBLE` when the disrupted supplier's own listing did not count
    /// by Unix minute `minute` (accepted after the confirmation, or still in its notice then: the affected set is
    /// the confirmation's); else the first substitute whose listing counted by then and that is neither
    /// `disrupted` nor disrupted per the oracle: its index (the substitute count when none), address and advance.
    /// Reads the component's {Listings} (key: the entry's top bits, `projectId << 16 | componentId`, see
    /// {_componentKey}): its stamps (slot 8) once, and each candidate's slot (address and advance) whole.
    function _firstHealthy(
        PairEntry entry,
        address disrupted,
        uint256 minute
    ) private view returns (uint256 index, address candidate, uint256 advance) {
        SupplyChainTypes.Listings storage listings = _listings[entry.componentKey()];
        ListingStamps stamps = listings.stamps;
        if (!stamps.countsBy(entry.position(), minute)) return (_NOT_ELIGIBLE, address(0), 0);
        uint256 count = entry.substituteCount();
        uint256 base;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            base := listings.slot
        }
        // Unchecked: index < count <= MAX_SUBSTITUTES.
        unchecked {
            for (; index < count; ++index) {
                if (!stamps.countsBy(index + 1, minute)) continue;
                uint256 packed;
                // solhint-disable-next-line no-inline-assembly
                assembly ("memory-safe") {
                    packed := sload(add(base, index)) // substitutes[index]: slot `index` of the Listings
                }
                candidate = address(uint160(packed));
                if (candidate != disrupted && !_isDisrupted(candidate)) return (index, candidate, packed >> 160);
            }
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

    /// @dev Checks and stores the substitutes of a new component; returns their addresses and advances.
    function _storeSubstitutes(
        uint256 projectId,
        uint256 componentId,
        address firm,
        address primary,
        SupplyChainTypes.SubstituteInput[] calldata substitutes
    ) private returns (address[] memory subs, uint256[] memory advances) {
        uint256 count = substitutes.length;
        address verifier = _escrow.getProject(projectId).verifier;
        subs = new address[](count);
        advances = new uint256[](count);
        SupplyChainTypes.Substitute[MAX_SUBSTITUTES] storage stored = _listings[_componentKey(projectId, componentId)]
            .substitutes;
        for (uint256 i = 0; i < count; ++i) {
            address supplier = substitutes[i].supplier;
            uint256 advance = substitutes[i].advance;
            if (supplier == firm || supplier == verifier) {
                revert Errors.SupplyChainRegistry_SubstituteNotIndependent(projectId, supplier);
            }
            _checkListable(supplier);
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
        }
    }

    /// @dev The EIP-712 struct hash of `supplier`'s acceptance of its listing in the component (see
    /// {acceptListingWithSig}); reverts when the component does not list `supplier`.
    function _listingHash(
        uint256 projectId,
        uint256 componentId,
        address supplier,
        uint256 deadline
    ) private view returns (bytes32) {
        (uint256 position, uint256 advance) = _positionOf(projectId, componentId, supplier);
        bytes32 metadataHash = _components[projectId][componentId].metadataHash;
        return
            keccak256(
                abi.encode(
                    _LISTING_TYPEHASH,
                    supplier,
                    projectId,
                    componentId,
                    position,
                    advance,
                    metadataHash,
                    deadline
                )
            );
    }

    /// @dev Accepts `supplier`'s pending listing in the component: the pair enters its reverse index, it becomes
    /// a payee of the project, and the listing counts for pool financing from `LISTING_NOTICE` on.
    function _accept(uint256 projectId, uint256 componentId, address supplier) private {
        (uint256 position, ) = _positionOf(projectId, componentId, supplier);
        SupplyChainTypes.Component storage c = _components[projectId][componentId];
        SupplyChainTypes.Listings storage listings = _listings[_componentKey(projectId, componentId)];
        ListingStamps stamps = listings.stamps;
        SupplyChainTypes.ListingStatus status = _status(c.closedMask, stamps, position);
        if (status == SupplyChainTypes.ListingStatus.Closed) {
            revert Errors.SupplyChainRegistry_ListingClosed(projectId, componentId, supplier);
        }
        if (status == SupplyChainTypes.ListingStatus.Accepted) {
            revert Errors.SupplyChainRegistry_ListingAlreadyAccepted(projectId, componentId, supplier);
        }
        if (_isDisrupted(supplier)) revert Errors.SupplyChainRegistry_SupplierDisrupted(supplier);
        _addPair(supplier, projectId, componentId, position, c.substituteCount);
        uint256 eligibleFrom = block.timestamp + LISTING_NOTICE;
        stamps = stamps.withEligibleFrom(position, eligibleFrom);
        listings.stamps = stamps;
        _addPayee(projectId, supplier);
        emit ListingAccepted(projectId, componentId, supplier, position, stamps.eligibleFrom(position));
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

    /// @dev The escrow keeps the payee set (its {IRDEscrow.disburse} reads it); the registry decides and emits.
    function _addPayee(uint256 projectId, address supplier) private {
        if (_escrow.setProjectPayee(projectId, supplier, true)) emit ProjectSupplierAdded(projectId, supplier);
    }

    function _addPair(
        address supplier,
        uint256 projectId,
        uint256 componentId,
        uint256 position,
        uint256 substituteCount
    ) private {
        PairEntry[] storage pairs = _pairs[supplier];
        if (pairs.length >= MAX_PAIRS_PER_SUPPLIER) {
            revert Errors.SupplyChainRegistry_TooManyPairs(supplier, MAX_PAIRS_PER_SUPPLIER);
        }
        // Safe: projectId < 2^32 and componentId < 2^16 were checked; position and count are at most 8.
        pairs.push(PairEntryLib.pack(projectId, componentId, position, substituteCount));
    }

    /// @dev Removes the supplier's entry of (projectId, componentId): the last entry takes its place. The entry
    /// exists (the listing is accepted), so the scan (at most `MAX_PAIRS_PER_SUPPLIER` entries) finds it.
    function _removePair(address supplier, uint256 projectId, uint256 componentId) private {
        PairEntry[] storage pairs = _pairs[supplier];
        uint256 last = pairs.length - 1;
        uint256 key = _componentKey(projectId, componentId);
        uint256 i = 0;
        for (; i < last; ++i) {
            if (pairs[i].componentKey() == key) break;
        }
        if (i != last) pairs[i] = pairs[last];
        pairs.pop();
    }

    /// @dev The storage slot of the word that holds the component's current-supplier index, and the index's bit
    /// offset in it (see {_currentIndexes}).
    function _indexWordSlot(uint256 projectId, uint256 componentId) private pure returns (uint256 slot, uint256 shift) {
        uint256 wordKey;
        (wordKey, shift) = SupplierCodesLib.locate(projectId, componentId);
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(0x00, wordKey)
            mstore(0x20, _currentIndexes.slot)
            slot := keccak256(0x00, 0x40)
        }
    }

    /// @dev The key of a component in {_listings}. Unique for every component that can exist (projectId < 2^32
    /// and componentId < 2^16 are checked at definition).
    function _componentKey(uint256 projectId, uint256 componentId) private pure returns (uint256) {
        return (projectId << 16) | componentId;
    }

    /// @dev The component's current-supplier index (0 = the primary, i = the i-th substitute).
    function _currentIndex(uint256 projectId, uint256 componentId) private view returns (uint256 index) {
        (uint256 slot, uint256 shift) = _indexWordSlot(projectId, componentId);
        SupplierCodes indexes;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            indexes := sload(slot)
        }
        return indexes.indexAt(shift);
    }

    function _setCurrentIndex(uint256 projectId, uint256 componentId, uint256 index) private {
        (uint256 slot, uint256 shift) = _indexWordSlot(projectId, componentId);
        SupplierCodes indexes;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            indexes := sload(slot)
        }
        indexes = indexes.withIndex(shift, index);
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            sstore(slot, indexes)
        }
    }

    /// @dev The supplier at `index` of an existing component (0 = the primary, i = the i-th substitute).
    function _supplierAt(uint256 projectId, uint256 componentId, uint256 index) private view returns (address) {
        if (index == 0) return _components[projectId][componentId].primary;
        return _listings[_componentKey(projectId, componentId)].substitutes[index - 1].supplier;
    }

    /// @dev `supplier`'s position in an existing component (0 = primary, i = i-th substitute) and its advance (0
    /// for the primary). Reverts when the component does not exist or does not list `supplier`.
    function _positionOf(
        uint256 projectId,
        uint256 componentId,
        address supplier
    ) private view returns (uint256 position, uint256 advance) {
        SupplyChainTypes.Component storage c = _existingComponent(projectId, componentId);
        if (supplier == c.primary) return (0, 0);
        uint256 count = c.substituteCount;
        SupplyChainTypes.Substitute[MAX_SUBSTITUTES] storage subs = _listings[_componentKey(projectId, componentId)]
            .substitutes;
        for (uint256 i = 0; i < count; ++i) {
            SupplyChainTypes.Substitute storage sub = subs[i];
            if (sub.supplier == supplier) return (i + 1, sub.advance);
        }
        revert Errors.SupplyChainRegistry_NotComponentSupplier(projectId, componentId, supplier);
    }

    /// @dev A listing's status from the component's closed mask and its stamps.
    function _status(
        uint256 closedMask,
        ListingStamps stamps,
        uint256 position
    ) private pure returns (SupplyChainTypes.ListingStatus) {
        if (closedMask & (1 << position) != 0) return SupplyChainTypes.ListingStatus.Closed;
        if (stamps.stampAt(position) != 0) return SupplyChainTypes.ListingStatus.Accepted;
        return SupplyChainTypes.ListingStatus.Pending;
    }

    /// @dev Returns the project's firm; reverts unless it is the caller.
    function _checkFirm(uint256 projectId) private view returns (address firm) {
        firm = _escrow.projectFirm(projectId);
        if (msg.sender != firm) revert Errors.SupplyChainRegistry_CallerNotFirm(projectId, msg.sender);
    }

    /// @dev A supplier may be named in a new component when it is registered and the oracle does not hold it
    /// disrupted.
    function _checkListable(address supplier) private view {
        if (!_suppliers[supplier].registered) revert Errors.SupplyChainRegistry_SupplierNotRegistered(supplier);
        if (_isDisrupted(supplier)) revert Errors.SupplyChainRegistry_SupplierDisrupted(supplier);
    }

    function _checkRegistered(address supplier) private view {
        if (!_suppliers[supplier].registered) revert Errors.SupplyChainRegistry_SupplierNotRegistered(supplier);
    }

    function _checkDeadline(uint256 deadline) private view {
        if (block.timestamp > deadline) revert Errors.SupplyChainRegistry_SignatureExpired(deadline, block.timestamp);
    }

    /// @dev Reverts unless `signature` is `signer`'s (an EOA's ECDSA signature or an ERC-1271 contract wallet's)
    /// over the EIP-712 digest of `structHash`.
    function _checkSignature(address signer, bytes32 structHash, bytes calldata signature) private view {
        if (!SignatureChecker.isValidSignatureNow(signer, _hashTypedDataV4(structHash), signature)) {
            revert Errors.SupplyChainRegistry_InvalidSignature(signer);
        }
    }

    function _existingComponent(
        uint256 projectId,
        uint256 componentId
    ) private view returns (SupplyChainTypes.Component storage c) {
        c = _components[projectId][componentId];
        if (c.substituteCount == 0) revert Errors.SupplyChainRegistry_ComponentNotFound(projectId, componentId);
    }
}
