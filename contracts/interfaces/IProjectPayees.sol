// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IProjectPayees
/// @notice Which accounts a project may pay, as the supply-chain registry answers it (the registry alone decides a
/// project's payees; it stores the set in the escrow, {IRDEscrow.isProjectPayee}, which reads it on every
/// payment). The full registry API is {ISupplyChainRegistry}, which extends this interface.
interface IProjectPayees {
    /// @notice Whether `account` is a supplier the project's firm registered for `projectId`, and may therefore
    /// receive payments from the project's escrow.
    /// @dev True for suppliers added with `addProjectSupplier`, and for every primary and substitute that
    /// accepted its listing in one of the project's components, until the firm removes them with
    /// `removeProjectSupplier`.
    /// @param projectId The project's id in the RDEscrow.
    /// @param account The would-be payee.
    /// @return True when `account` may be paid for `projectId`.
    function isProjectPayee(uint256 projectId, address account) external view returns (bool);
}
