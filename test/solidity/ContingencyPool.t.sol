// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { FeeOnTransferToken } from "../../contracts/test/FeeOnTransferToken.sol";
import { PoolTestDirectory } from "../../contracts/test/PoolTestDirectory.sol";
import { PoolTestOracle } from "../../contracts/test/PoolTestOracle.sol";
import { ContingencyPool } from "../../contracts/pool/ContingencyPool.sol";
import { SupplyChainRegistry } from "../../contracts/supply/SupplyChainRegistry.sol";
import { ISupplyChainRegistry } from "../../contracts/interfaces/ISupplyChainRegistry.sol";
import { IDisruptionOracle } from "../../contracts/interfaces/IDisruptionOracle.sol";
import { IRDEscrow } from "../../contracts/interfaces/IRDEscrow.sol";
import { SupplyChainTypes } from "../../contracts/types/SupplyChainTypes.sol";
import { Errors } from "../../contracts/libraries/Errors.sol";
import { BaseTest } from "./utils/BaseTest.sol";

/// @notice Deploys registry and pool from a fresh contract, whose nonces are known (1, 2), so the registry can
/// name the pool's address before it exists (the same trick as scripts/lib/deploy-stack.ts).
contract PoolStackDeployer {
    SupplyChainRegistry public immutable registry;
    ContingencyPool public immutable pool;

    constructor(address directory, address oracle, address projectToken) {
        address[] memory projectTokens = new address[](1);
        projectTokens[0] = projectToken;
        address predictedPool = address(
            uint160(uint256(keccak256(abi.encodePacked(bytes1(0xd6), bytes1(0x94), address(this), bytes1(0x02)))))
        );
        registry = new SupplyChainRegistry(IRDEscrow(directory), predictedPool, IDisruptionOracle(oracle));
        pool = new ContingencyPool(
            ISupplyChainRegistry(address(registry)),
            IRDEscrow(directory),
            IDisruptionOracle(oracle),
            msg.sender,
            projectTokens
        );
        require(address(pool) == predictedPool, "prediction");
    }
}

/// @notice Fuzz tests of the ContingencyPool's arithmetic. Invariants, in plain words:
/// - the pool pays a substitute exactly when its advance fits the cash, the exposure cap and the disruption cap;
/// - whatever the order of withdrawals and repayments, each financier ends with its commitment back (up to a
///   few units of rounding dust) once the firm has repaid everything, and together never more than they put in;
/// - the pool never pays out more than it holds: its accounting equals its token balance after every step.
contract ContingencyPoolTest is BaseTest {
    FeeOnTransferToken internal token;
    PoolTestDirectory internal directory;
    PoolTestOracle internal oracle;
    SupplyChainRegistry internal registry;
    ContingencyPool internal pool;

    address internal constant FIRM = address(0xF1);
    address internal constant F1 = address(0xA1);
    address internal constant F2 = address(0xA2);
    address internal constant PRIMARY = address(0xB1);
    address internal constant SUB = address(0xB2);
    uint256 internal constant PROJECT = 1;

    function setUp() public {
        token = new FeeOnTransferToken(0);
        directory = new PoolTestDirectory();
        oracle = new PoolTestOracle();
        PoolStackDeployer d = new PoolStackDeployer(address(directory), address(oracle), address(token));
        registry = d.registry();
        pool = d.pool();
        directory.setProject(PROJECT, FIRM, address(token));
        vm.prank(PRIMARY);
        registry.registerSupplier(bytes32("primary"), bytes2("CN"));
        vm.prank(SUB);
        registry.registerSupplier(bytes32("sub"), bytes2("DE"));
        for (uint256 i = 0; i < 3; ++i) {
            address a =
                i == 0
                    ? F1
                    : i == 1
                        ? F2
                        : FIRM;
            token.mint(a, type(uint96).max);
            vm.prank(a);
            token.approve(address(pool), type(uint256).max);
        }
    }

    function _define(uint256 advance) internal {
        SupplyChainTypes.SubstituteInput[] memory subs = new SupplyChainTypes.SubstituteInput[](1);
        subs[0] = SupplyChainTypes.SubstituteInput(SUB, uint128(advance));
        vm.prank(FIRM);
        uint256 componentId = registry.defineComponent(PROJECT, bytes32("c"), PRIMARY, subs);
        // Both suppliers accept, and the registry's notice passes before anything is confirmed.
        vm.prank(PRIMARY);
        registry.acceptListing(PROJECT, componentId);
        vm.prank(SUB);
        registry.acceptListing(PROJECT, componentId);
        vm.warp(block.timestamp + registry.LISTING_NOTICE() + 60);
    }

    /// @dev The firm sets uniform terms: caps in basis points, a 1-day notice (the test oracle's maxReportAge), 30-day
    /// term.
    function _setTerms(
        uint16 exposureBps,
        uint16 disruptionBps
    ) internal returns (SupplyChainTypes.PoolTerms memory t) {
        t = SupplyChainTypes.PoolTerms(exposureBps, disruptionBps, 1 days, 30 days);
        vm.prank(FIRM);
        pool.setPoolTerms(PROJECT, t);
    }

    function _checkAccounting() internal view {
        assertEq(pool.poolBalance(PROJECT), token.balanceOf(address(pool)), "accounting = balance");
    }

    function testFuzz_FinancesOnlyWithinCashAndCaps(
        uint256 amount,
        uint256 exposureBps,
        uint256 disruptionBps,
        uint256 advance
    ) public {
        amount = bound(amount, 1, 1e28);
        exposureBps = bound(exposureBps, 0, 10_000);
        disruptionBps = bound(disruptionBps, 0, exposureBps);
        advance = bound(advance, 1, 2e28);
        _define(advance);
        SupplyChainTypes.PoolTerms memory t = _setTerms(uint16(exposureBps), uint16(disruptionBps));
        vm.prank(F1);
        pool.commit(PROJECT, amount, t);
        oracle.confirm(pool, PRIMARY, true);
        // Both caps are fractions of the pool's value (here: the amount committed).
        bool fits =
            advance <= amount &&
                advance <= (amount * exposureBps) / 10_000 &&
                advance <= (amount * disruptionBps) / 10_000;
        assertEq(token.balanceOf(SUB), fits ? advance : 0, "substitute paid iff it fits");
        assertEq(registry.currentSupplier(PROJECT, 1), fits ? SUB : PRIMARY, "switched iff financed");
        _checkAccounting();
    }

    function testFuzz_WithdrawalsAreProRata(
        uint256 a,
        uint256 b,
        uint256 advance,
        uint256 firstRepay,
        bool f1First
    ) public {
        a = bound(a, 1, 1e28);
        b = bound(b, 1, 1e28);
        advance = bound(advance, 1, a + b);
        firstRepay = bound(firstRepay, 0, advance);
        _define(advance);
        SupplyChainTypes.PoolTerms memory t = _setTerms(10_000, 10_000);
        vm.prank(F1);
        pool.commit(PROJECT, a, t);
        vm.prank(F2);
        pool.commit(PROJECT, b, t);
        // Both request their exits at once; they execute after the notice (the positions still share the financing).
        vm.prank(F1);
        pool.requestWithdrawal(PROJECT);
        vm.prank(F2);
        pool.requestWithdrawal(PROJECT);
        oracle.confirm(pool, PRIMARY, true);
        vm.warp(block.timestamp + 1 days);
        assertEq(token.balanceOf(SUB), advance, "financed");
        if (firstRepay != 0) {
            vm.prank(FIRM);
            pool.repay(PROJECT, firstRepay);
        }
        _checkAccounting();

        address first = f1First ? F1 : F2;
        address second = f1First ? F2 : F1;
        uint256 before1 = token.balanceOf(F1);
        uint256 before2 = token.balanceOf(F2);
        vm.prank(first);
        pool.withdraw(PROJECT);
        _checkAccounting();
        if (advance > firstRepay) {
            vm.prank(FIRM);
            pool.repay(PROJECT, advance - firstRepay);
            _checkAccounting();
        }
        vm.prank(second);
        pool.withdraw(PROJECT);
        if (pool.getPosition(PROJECT, first).claimUnits != 0) {
            vm.prank(first);
            pool.withdraw(PROJECT);
        }
        _checkAccounting();
        uint256 got1 = token.balanceOf(F1) - before1;
        uint256 got2 = token.balanceOf(F2) - before2;
        // Rounding dust left by an earlier exit stays with the remaining shareholders, so a later exiter may
        // receive a few units more than it committed; together they never receive more than they put in.
        assertLe(got1 + got2, a + b, "never more than committed in total");
        assertLe(got1 > a ? got1 - a : a - got1, 3, "f1 dust");
        assertLe(got2 > b ? got2 - b : b - got2, 3, "f2 dust");
    }

    /// @dev Unreachable through the RDEscrow (its ids are sequential from 1); a directory with a huge id reaches it.
    function test_RevertWhen_ProjectIdBeyond32Bits() public {
        uint256 huge = uint256(type(uint32).max) + 1;
        directory.setProject(huge, FIRM, address(token));
        SupplyChainTypes.SubstituteInput[] memory subs = new SupplyChainTypes.SubstituteInput[](1);
        subs[0] = SupplyChainTypes.SubstituteInput(SUB, 1);
        vm.expectRevert(abi.encodeWithSelector(Errors.SupplyChainRegistry_IdTooLarge.selector, huge, 1));
        vm.prank(FIRM);
        registry.defineComponent(huge, bytes32("c"), PRIMARY, subs);
    }
}
