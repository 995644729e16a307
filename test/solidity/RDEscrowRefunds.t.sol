// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { IERC20 } from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import { BaseTest } from "./utils/BaseTest.sol";
import { RDEscrow } from "../../contracts/escrow/RDEscrow.sol";
import { DemoStablecoin } from "../../contracts/token/DemoStablecoin.sol";
import { DisruptionOracle } from "../../contracts/oracle/DisruptionOracle.sol";
import { ISupplierStatusSource } from "../../contracts/interfaces/ISupplierStatusSource.sol";
import { MockSupplyChainRegistryForEscrow } from "../../contracts/test/MockSupplyChainRegistryForEscrow.sol";
import { IProjectPayees } from "../../contracts/interfaces/IProjectPayees.sol";
import { Errors } from "../../contracts/libraries/Errors.sol";
import { EscrowTypes } from "../../contracts/types/EscrowTypes.sol";

/// @notice Fuzz tests of the escrow's refund arithmetic. Invariants, in plain words:
/// 1. The refunds of a closed project never exceed its unspent balance (`refundable`), at any point.
/// 2. Once every financier has claimed, the refunds sum to exactly `refundable` (the last claimer takes the
///    rounding remainder) and the escrow holds nothing more for the project.
/// 3. Every claim but the last pays exactly `refundable × contribution / funded` rounded down; the last claimer's
///    extra (the dust) is below the number of financiers.
/// 4. At every step the escrow's token balance equals funded − disbursed − refunded.
/// 5. Funding never goes beyond the target; the refusal names the room left.
/// 6. A project's target is the exact sum of its budgets, up to uint128.max; a larger sum is refused.
contract RDEscrowRefundsTest is BaseTest {
    uint256 internal constant MAX_FINANCIERS = 20;
    address internal constant FIRM = address(0xF1F1);
    address internal constant VERIFIER = address(0xBEEF);

    DemoStablecoin internal token;
    RDEscrow internal escrow;

    function setUp() public {
        token = new DemoStablecoin("Digital CNY (demo)", "dCNY", address(this));
        address[] memory reporters = new address[](1);
        reporters[0] = address(0xA11CE);
        ISupplierStatusSource oracle = new DisruptionOracle(address(this), address(this), 1 days, reporters, 1);
        escrow = new RDEscrow(IProjectPayees(address(new MockSupplyChainRegistryForEscrow())), oracle);
        vm.warp(1_800_000_000);
    }

    EscrowTypes.ProjectProfile internal _PROFILE = EscrowTypes.ProjectProfile({
        rdForm: EscrowTypes.RdForm.Independent,
        greenCategory: EscrowTypes.GreenCategory.None
    });

    function _financier(uint256 i) internal pure returns (address) {
        return address(uint160(0x10_000 + i));
    }

    function _createProject(uint256 budget) internal returns (uint256 projectId) {
        EscrowTypes.MilestoneInput[] memory milestones = new EscrowTypes.MilestoneInput[](1);
        milestones[0] = EscrowTypes.MilestoneInput({
            budget: uint128(budget),
            deadline: uint40(block.timestamp + 30 days),
            stage: EscrowTypes.Stage.Research,
            accounting: EscrowTypes.Accounting.Expensed
        });
        vm.prank(FIRM);
        projectId = escrow.createProject(IERC20(address(token)), VERIFIER, keccak256("fuzz"), "", _PROFILE, milestones);
    }

    function _fund(uint256 projectId, address financier, uint256 amount) internal {
        token.mint(financier, amount);
        vm.prank(financier);
        token.approve(address(escrow), amount);
        vm.prank(financier);
        escrow.fund(projectId, amount);
    }

    function _assertHeld(uint256 projectId) internal view {
        EscrowTypes.ProjectView memory p = escrow.getProject(projectId);
        assertEq(token.balanceOf(address(escrow)), p.funded - p.disbursed - p.refunded, "balance = held");
    }

    /// @dev n financiers with amounts from `seed` (up to uint128.max in total), optionally part of the money spent,
    /// the project cancelled or failed, then every financier claims in an order rotated by `orderSeed`.
    function testFuzz_RefundsSumExactlyToTheUnspentBalance(
        uint256 n,
        uint256 seed,
        uint256 spent,
        bool approveAndSpend,
        uint256 orderSeed
    ) public {
        n = bound(n, 1, MAX_FINANCIERS);
        (uint256 projectId, uint256[] memory amounts, uint256 funded) = _fundMany(n, seed);
        spent = _close(projectId, funded, spent, approveAndSpend);
        uint256 refundable = escrow.getProject(projectId).refundable;
        assertEq(refundable, funded - spent, "refundable = funded - spent");

        uint256 refunded = _claimAll(projectId, amounts, funded, refundable, orderSeed);
        assertEq(refunded, refundable, "refunds sum exactly to the unspent balance");
        assertEq(escrow.getProject(projectId).held, 0, "nothing left for the project");
        assertEq(token.balanceOf(address(escrow)), 0, "escrow empty");
    }

    function _fundMany(
        uint256 n,
        uint256 seed
    ) internal returns (uint256 projectId, uint256[] memory amounts, uint256 funded) {
        uint256 cap = type(uint128).max / n;
        amounts = new uint256[](n);
        for (uint256 i = 0; i < n; ++i) {
            uint256 raw = uint256(keccak256(abi.encode(seed, i)));
            // Mix tiny, mid-sized and boundary amounts.
            uint256 kind = raw % 3;
            amounts[i] =
                kind == 0
                    ? bound(raw >> 8, 1, 1_000)
                    : kind == 1
                        ? bound(raw >> 8, 1, 10 ** 24)
                        : cap;
            funded += amounts[i];
        }
        projectId = _createProject(funded);
        for (uint256 i = 0; i < n; ++i) _fund(projectId, _financier(i), amounts[i]);
        _assertHeld(projectId);
    }

    /// @dev Either approves the milestone, spends `spent` (bounded) and cancels, or lets the deadline pass and fails
    /// the project. Returns what was spent.
    function _close(uint256 projectId, uint256 funded, uint256 spent, bool approveAndSpend) internal returns (uint256) {
        if (approveAndSpend) {
            vm.prank(FIRM);
            escrow.submitMilestone(projectId, 0, keccak256("evidence"), "");
            vm.prank(VERIFIER);
            escrow.approveMilestone(projectId, 0);
            spent = bound(spent, 0, funded);
            if (spent != 0) {
                vm.prank(FIRM);
                escrow.disburse(projectId, 0, FIRM, spent, EscrowTypes.Category.OtherRelated, keccak256("invoice"));
            }
            vm.prank(FIRM);
            escrow.cancelProject(projectId);
        } else {
            spent = 0;
            vm.warp(block.timestamp + 31 days);
            escrow.markFailed(projectId);
        }
        _assertHeld(projectId);
        return spent;
    }

    function _claimAll(
        uint256 projectId,
        uint256[] memory amounts,
        uint256 funded,
        uint256 refundable,
        uint256 orderSeed
    ) internal returns (uint256 refunded) {
        uint256 n = amounts.length;
        uint256 start = orderSeed % n;
        bool reverse = (orderSeed >> 128) % 2 == 1;
        for (uint256 k = 0; k < n; ++k) {
            uint256 i = reverse ? (start + n - k) % n : (start + k) % n;
            uint256 paid = _claim(projectId, _financier(i));
            uint256 floorShare = (refundable * amounts[i]) / funded;
            if (k + 1 < n) {
                assertEq(paid, floorShare, "pro-rata share, rounded down");
            } else {
                assertLe(floorShare, paid, "last claimer gets at least its share");
                assertLt(paid - floorShare, n, "dust < number of financiers");
            }
            refunded += paid;
            assertLe(refunded, refundable, "refunds never exceed the unspent balance");
            _assertHeld(projectId);
        }
    }

    function _claim(uint256 projectId, address financier) internal returns (uint256 paid) {
        (, uint256 claimable, ) = escrow.getPosition(projectId, financier);
        vm.prank(financier);
        paid = escrow.claimRefund(projectId);
        assertEq(paid, claimable, "claim pays what the view announced");
        assertEq(token.balanceOf(financier), paid, "financier received the refund");
    }

    function testFuzz_RevertWhen_FundingBeyondTheTarget(uint256 budget, uint256 first, uint256 second) public {
        budget = bound(budget, 1, type(uint128).max);
        first = bound(first, 1, budget);
        uint256 room = budget - first;
        second = bound(second, room + 1, type(uint256).max - 1);
        uint256 projectId = _createProject(budget);
        _fund(projectId, _financier(0), first);
        vm.expectRevert(abi.encodeWithSelector(Errors.RDEscrow_OverFunding.selector, projectId, second, room));
        vm.prank(_financier(1));
        escrow.fund(projectId, second);
    }

    function testFuzz_TargetIsTheSumOfTheBudgets(uint256 count, uint256 seed) public {
        count = bound(count, 1, 32);
        EscrowTypes.MilestoneInput[] memory milestones = new EscrowTypes.MilestoneInput[](count);
        uint256 sum = 0;
        for (uint256 i = 0; i < count; ++i) {
            uint256 raw = uint256(keccak256(abi.encode(seed, i)));
            // Budgets at the boundaries (1, uint128.max, uint128.max / count) or anywhere between.
            uint256 kind = raw % 4;
            uint256 budget =
                kind == 0
                    ? 1
                    : kind == 1
                        ? type(uint128).max
                        : kind == 2
                            ? type(uint128).max / count
                            : bound(raw >> 8, 1, type(uint128).max);
            milestones[i] = EscrowTypes.MilestoneInput({
                budget: uint128(budget),
                deadline: uint40(block.timestamp + (i + 1) * 1 days),
                stage: EscrowTypes.Stage.Pilot,
                accounting: EscrowTypes.Accounting.Capitalised
            });
            sum += budget;
        }
        if (sum > type(uint128).max) {
            vm.expectRevert(abi.encodeWithSelector(Errors.RDEscrow_TargetTooLarge.selector, sum));
            vm.prank(FIRM);
            escrow.createProject(IERC20(address(token)), VERIFIER, bytes32(0), "", _PROFILE, milestones);
            return;
        }
        vm.prank(FIRM);
        uint256 projectId = escrow.createProject(
            IERC20(address(token)),
            VERIFIER,
            bytes32(0),
            "",
            _PROFILE,
            milestones
        );
        assertEq(escrow.getProject(projectId).target, sum, "target = sum of budgets");
        EscrowTypes.MilestoneView[] memory stored = escrow.getMilestones(projectId);
        for (uint256 i = 0; i < count; ++i) assertEq(stored[i].budget, milestones[i].budget, "budget stored");
    }
}
