// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ISupplyChainRegistry
/// @notice The escrow-facing side of the supply-chain registry: the single source of truth for which suppliers a
/// project may pay. The full registry API is {IComponentRegistry}, which extends this interface.
interface ISupplyChainRegistry {
    /// @notice Whether `account` is a supplier the project's firm registered for `projectId`, and may therefore
    /// receive payments from the project's escrow.
    /// @dev True for suppliers added with `addProjectSupplier` or `registerSupplierFor`, and for every primary
    /// and substitute of the project's components, until the firm removes them with `removeProjectSupplier`.
    /// @param projectId The project's id in the RDEscrow.
    /// @param account The would-be payee.
    /// @return True when `account` may be paid for `projectId`.
    function isProjectPayee(uint256 projectId, address account) external view returns (bool);
}
