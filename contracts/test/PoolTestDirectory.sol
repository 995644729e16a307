// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { EscrowTypes } from "../types/EscrowTypes.sol";

/// @notice Test-only stand-in for the RDEscrow's project directory (`projectFirm`, `projectToken`,
/// `projectStatus`), used by the Solidity fuzz tests of the ContingencyPool, and `getProject` (firm only; no
/// verifier) and the payee set (`setProjectPayee`, `isProjectPayee`) for the registry. Anyone can set a project or
/// a payee.
contract PoolTestDirectory {
    mapping(uint256 projectId => address firm) public projectFirm;
    mapping(uint256 projectId => address token) public projectToken;
    mapping(uint256 projectId => EscrowTypes.ProjectStatus status) public projectStatus;
    mapping(uint256 projectId => mapping(address account => bool)) public isProjectPayee;

    /// @notice Sets an Active project.
    function setProject(uint256 projectId, address firm, address token) external {
        projectFirm[projectId] = firm;
        projectToken[projectId] = token;
        projectStatus[projectId] = EscrowTypes.ProjectStatus.Active;
    }

    /// @notice Records a payee as the RDEscrow does for its registry; returns whether the record changed.
    function setProjectPayee(uint256 projectId, address account, bool allowed) external returns (bool changed) {
        changed = isProjectPayee[projectId][account] != allowed;
        isProjectPayee[projectId][account] = allowed;
    }

    function getProject(uint256 projectId) external view returns (EscrowTypes.ProjectView memory view_) {
        view_.firm = projectFirm[projectId];
    }
}
