// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Errors
/// @notice Every custom error of rd-chain-finance, grouped by contract and named `<Contract>_<Condition>`.
/// Each carries the values a user (or the dashboard's error decoder) needs to see what was wrong.
library Errors {
    /*//////////////////////////////////////////////////////////////////////////
                                  DEMO STABLECOIN
    //////////////////////////////////////////////////////////////////////////*/

    /// @notice Thrown when minting is attempted on a chain that is not a local development chain.
    error DemoStablecoin_MintingDisabledOnChain(uint256 chainId);
}
