// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { ERC20 } from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice Test-only ERC-20 whose transfers deliver a different amount than sent: a fee in basis points is
/// burned from every transfer between two accounts, and an optional bonus is minted to the recipient on top
/// (a stand-in for inflationary or rebasing tokens). Anyone can mint.
contract FeeOnTransferToken is ERC20 {
    uint256 public feeBps;
    uint256 public bonus;

    constructor(uint256 feeBps_) ERC20("Fee token", "FEE") {
        feeBps = feeBps_;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @param feeBps_ Basis points of every transfer burned on the way (10_000 = everything).
    function setFeeBps(uint256 feeBps_) external {
        feeBps = feeBps_;
    }

    /// @param bonus_ Amount minted to the recipient of every transfer, on top of what arrives.
    function setBonus(uint256 bonus_) external {
        bonus = bonus_;
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) {
            super._update(from, to, value);
            return;
        }
        uint256 fee = (value * feeBps) / 10_000;
        super._update(from, to, value - fee);
        if (fee != 0) super._update(from, address(0), fee);
        if (bonus != 0) super._update(address(0), to, bonus);
    }
}
