// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { ERC20 } from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import { ERC20Permit } from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import { Ownable } from "@openzeppelin/contracts/access/Ownable.sol";

import { Errors } from "../libraries/Errors.sol";

/// @title DemoStablecoin
/// @notice An ERC-20 with EIP-2612 permit standing for a tokenised digital currency (a CNY-denominated
/// deposit token) in demos and tests. It can be minted only on local development chains; a production
/// deployment names an existing stablecoin instead.
contract DemoStablecoin is ERC20, ERC20Permit, Ownable {
    /*//////////////////////////////////////////////////////////////////////////
                                     CONSTANTS
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice Chain id of Hardhat's simulated and local networks.
    uint256 public constant HARDHAT_CHAIN_ID = 31_337;

    /// @notice Chain id commonly used by other local development nodes.
    uint256 public constant LOCAL_DEV_CHAIN_ID = 1_337;

    /*//////////////////////////////////////////////////////////////////////////
                                    CONSTRUCTOR
    //////////////////////////////////////////////////////////////////////////*/

    /// @param name_ Token name, e.g. "Digital CNY (demo)".
    /// @param symbol_ Token symbol, e.g. "dCNY".
    /// @param initialOwner The account allowed to mint on local chains.
    constructor(
        string memory name_,
        string memory symbol_,
        address initialOwner
    ) ERC20(name_, symbol_) ERC20Permit(name_) Ownable(initialOwner) {}

    /*//////////////////////////////////////////////////////////////////////////
                                   READ-ONLY
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice Two decimals, like the currency it stands for (yuan and fen).
    function decimals() public pure override returns (uint8) {
        return 2;
    }

    /*//////////////////////////////////////////////////////////////////////////
                                  STATE-CHANGING
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice Mints `amount` to `to`, for demos and tests.
    /// @dev Requirements:
    /// - the caller is the owner;
    /// - the chain is a local development chain (31337 or 1337).
    /// Emits a {Transfer} event from the zero address.
    /// @param to The recipient.
    /// @param amount Amount in units of the token's decimals.
    function mint(address to, uint256 amount) external onlyOwner {
        if (block.chainid != HARDHAT_CHAIN_ID && block.chainid != LOCAL_DEV_CHAIN_ID) {
            revert Errors.DemoStablecoin_MintingDisabledOnChain(block.chainid);
        }
        _mint(to, amount);
    }
}
