// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { BaseTest } from "./utils/BaseTest.sol";
import { DemoStablecoin } from "../../contracts/token/DemoStablecoin.sol";
import { Errors } from "../../contracts/libraries/Errors.sol";

contract DemoStablecoinTest is BaseTest {
    DemoStablecoin internal token;

    function setUp() public {
        token = new DemoStablecoin("Digital CNY (demo)", "dCNY", address(this));
    }

    function testFuzz_Mint_GivenLocalChain(address to, uint256 amount) public {
        vm.assume(to != address(0));
        amount = bound(amount, 0, type(uint128).max);
        token.mint(to, amount);
        assertEq(token.balanceOf(to), amount, "balance after mint");
        assertEq(token.totalSupply(), amount, "supply after mint");
    }

    function testFuzz_RevertWhen_MintOnPublicChain(uint64 chainId) public {
        vm.assume(chainId != 31_337 && chainId != 1_337 && chainId != 0);
        vm.chainId(chainId);
        vm.expectRevert(
            abi.encodeWithSelector(Errors.DemoStablecoin_MintingDisabledOnChain.selector, uint256(chainId))
        );
        token.mint(address(0xBEEF), 1);
    }

    function test_Decimals_AreYuanAndFen() public view {
        assertEq(token.decimals(), 2, "decimals");
    }
}
