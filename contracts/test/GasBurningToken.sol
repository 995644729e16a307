// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { ERC20 } from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice Test-only ERC-20 whose `transfer`, once switched, burns all the gas it is given (a hostile project token
/// trying to make the oracle's confirming transaction fail for every project). Anyone can mint and switch.
contract GasBurningToken is ERC20 {
    bool public burnGas;

    constructor() ERC20("Gas-burning token", "BURN") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function setBurnGas(bool burnGas_) external {
        burnGas = burnGas_;
    }

    function transfer(address to, uint256 value) public override returns (bool) {
        if (burnGas) {
            // solhint-disable-next-line no-empty-blocks
            while (true) {}
        }
        return super.transfer(to, value);
    }
}
