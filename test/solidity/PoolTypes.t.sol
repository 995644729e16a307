// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { BaseTest } from "./utils/BaseTest.sol";
import { PoolConfig } from "../../contracts/types/PoolConfig.sol";
import { PoolEpoch, PoolEpochLib } from "../../contracts/types/PoolEpoch.sol";
import { PoolFunds } from "../../contracts/types/PoolFunds.sol";

/// @notice The pool's packed slots: every field reads back what was written, at its bounds, and writing one field
/// leaves the others (and, for {PoolConfig}, the token) untouched.
contract PoolTypesTest is BaseTest {
    uint256 internal constant _MAX128 = type(uint128).max;
    uint256 internal constant _MAX96 = type(uint96).max;
    uint256 internal constant _MAX64 = type(uint64).max;
    uint256 internal constant _MAX40 = type(uint40).max;

    function test_Funds_RoundTripAtBounds() public pure {
        PoolFunds funds = PoolFunds.wrap(0).withCash(_MAX128).withShareDebt(_MAX128);
        assertEq(PoolFunds.unwrap(funds), type(uint256).max, "both halves full");
        assertEq(funds.cash(), _MAX128, "cash at max");
        assertEq(funds.shareDebt(), _MAX128, "shareDebt at max");
        funds = funds.withCash(0);
        assertEq(funds.cash(), 0, "cash cleared");
        assertEq(funds.shareDebt(), _MAX128, "shareDebt kept when cash is written");
        funds = funds.withCash(1).withShareDebt(0);
        assertEq(funds.cash(), 1, "cash kept when shareDebt is written");
        assertEq(funds.shareDebt(), 0, "shareDebt cleared");
    }

    function testFuzz_Funds_FinancingMovesCashToDebt(uint256 cash, uint256 shareDebt, uint256 advance) public pure {
        // The pool's bound: cash + shareDebt < 2^96, advance <= cash.
        cash = bound(cash, 0, _MAX96);
        shareDebt = bound(shareDebt, 0, _MAX96 - cash);
        advance = bound(advance, 0, cash);
        PoolFunds funds = PoolFunds.wrap(0).withCash(cash).withShareDebt(shareDebt).withFinancing(advance);
        assertEq(funds.cash(), cash - advance, "cash after financing");
        assertEq(funds.shareDebt(), shareDebt + advance, "shareDebt after financing");
    }

    function test_Epoch_RoundTripAtBounds() public pure {
        PoolEpoch epoch = PoolEpochLib.pack(_MAX64, _MAX96, _MAX40, _MAX40);
        assertEq(epoch.confirmationId(), _MAX64, "confirmationId at max");
        assertEq(epoch.financed(), _MAX96, "financed at max");
        assertEq(epoch.dueAt(), _MAX40, "dueAt at max");
        assertEq(epoch.oldestDueAt(), _MAX40, "oldestDueAt at max");
        assertEq(PoolEpoch.unwrap(epoch) >> 240, 0, "bits 240..255 unused");

        epoch = PoolEpochLib.pack(1, 0, 0, 0);
        assertEq(epoch.confirmationId(), 1, "confirmationId alone");
        assertEq(epoch.financed() + epoch.dueAt() + epoch.oldestDueAt(), 0, "the other fields empty");
    }

    function test_Epoch_SettersKeepTheOtherFields() public pure {
        PoolEpoch epoch = PoolEpochLib.pack(_MAX64, 5, _MAX40, 7);
        PoolEpoch cleared = epoch.withOldestDueAt(0);
        assertEq(cleared.oldestDueAt(), 0, "oldestDueAt cleared");
        assertEq(cleared.confirmationId(), _MAX64, "confirmationId kept");
        assertEq(cleared.financed(), 5, "financed kept");
        assertEq(cleared.dueAt(), _MAX40, "dueAt kept");
        assertEq(cleared.withOldestDueAt(_MAX40).oldestDueAt(), _MAX40, "oldestDueAt at max");
        assertEq(cleared.withOldestDueAt(_MAX40).dueAt(), _MAX40, "dueAt kept at max");

        PoolEpoch more = PoolEpochLib.pack(3, _MAX96 - 10, 11, 12).withMoreFinanced(10);
        assertEq(more.financed(), _MAX96, "financed grows to max");
        assertEq(more.confirmationId(), 3, "confirmationId kept when financing grows");
        assertEq(more.dueAt(), 11, "dueAt kept when financing grows");
        assertEq(more.oldestDueAt(), 12, "oldestDueAt kept when financing grows");
    }

    function test_Config_RoundTripAtBounds() public pure {
        address token = address(type(uint160).max);
        PoolConfig config = PoolConfig.wrap(0).withToken(token).withTerms(
            type(uint16).max,
            type(uint16).max,
            type(uint32).max,
            type(uint32).max
        );
        assertEq(PoolConfig.unwrap(config), type(uint256).max, "every field full");
        assertEq(config.token(), token, "token at max");
        assertEq(config.exposureBps(), type(uint16).max, "exposureBps at max");
        assertEq(config.disruptionBps(), type(uint16).max, "disruptionBps at max");
        assertEq(config.withdrawalNotice(), type(uint32).max, "withdrawalNotice at max");
        assertEq(config.repaymentTerm(), type(uint32).max, "repaymentTerm at max");

        PoolConfig reset = config.withTerms(0, 0, 0, 0);
        assertEq(reset.token(), token, "token kept when the terms are written");
        assertEq(PoolConfig.unwrap(reset) >> 160, 0, "terms cleared");
        PoolConfig retoken = config.withToken(address(0xBEEF));
        assertEq(retoken.token(), address(0xBEEF), "token replaced");
        assertEq(retoken.exposureBps(), type(uint16).max, "exposureBps kept when the token is written");
        assertEq(retoken.repaymentTerm(), type(uint32).max, "repaymentTerm kept when the token is written");
    }

    function testFuzz_Config_TermsRoundTrip(
        address token,
        uint16 exposure,
        uint16 disruption,
        uint32 notice,
        uint32 term
    ) public pure {
        PoolConfig config = PoolConfig.wrap(0).withToken(token).withTerms(exposure, disruption, notice, term);
        assertEq(config.token(), token, "token");
        assertEq(config.exposureBps(), exposure, "exposureBps");
        assertEq(config.disruptionBps(), disruption, "disruptionBps");
        assertEq(config.withdrawalNotice(), notice, "withdrawalNotice");
        assertEq(config.repaymentTerm(), term, "repaymentTerm");
    }
}
