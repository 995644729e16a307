// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { ERC20 } from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice Test-only malicious ERC-20: once armed, its next transfer between two accounts (`transfer` or
/// `transferFrom`) first calls `target` with `data` — typically a function of the contract that is moving the
/// tokens — and bubbles up that call's revert, so a test can assert the victim's reentrancy error; a successful
/// call's return data is kept, so calling a view shows the victim's state in the middle of its transfer. The call
/// happens before the balances change, like an ERC-777 `tokensToSend` hook. Anyone can mint and arm.
contract ReentrantToken is ERC20 {
    address public callbackTarget;
    bytes public callbackData;
    bool public armed;
    /// @notice What the last successful callback returned (lets a test read the victim's state mid-transfer).
    bytes public lastReturnData;

    constructor() ERC20("Reentrant token", "REENTER") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Makes the next transfer call `target_` with `data_` first (once).
    function arm(address target_, bytes calldata data_) external {
        callbackTarget = target_;
        callbackData = data_;
        armed = true;
    }

    function _update(address from, address to, uint256 value) internal override {
        if (armed && from != address(0) && to != address(0)) {
            armed = false;
            // solhint-disable-next-line avoid-low-level-calls
            (bool ok, bytes memory returned) = callbackTarget.call(callbackData);
            if (!ok) {
                // solhint-disable-next-line no-inline-assembly
                assembly ("memory-safe") {
                    revert(add(returned, 0x20), mload(returned))
                }
            }
            lastReturnData = returned;
        }
        super._update(from, to, value);
    }
}
