// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { IProjectPayees } from "../interfaces/IProjectPayees.sol";

/// @notice Test-only registry: a settable allowlist of (project, payee) pairs, standing in for the
/// SupplyChainRegistry in escrow tests.
contract MockSupplyChainRegistryForEscrow is IProjectPayees {
    mapping(uint256 projectId => mapping(address account => bool allowed)) private _payees;

    /// @notice Allows or disallows `account` as a payee of `projectId`.
    function setPayee(uint256 projectId, address account, bool allowed) external {
        _payees[projectId][account] = allowed;
    }

    /// @inheritdoc IProjectPayees
    function isProjectPayee(uint256 projectId, address account) external view returns (bool) {
        return _payees[projectId][account];
    }
}
