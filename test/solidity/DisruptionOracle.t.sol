// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import { BaseTest } from "./utils/BaseTest.sol";
import { DisruptionOracle } from "../../contracts/oracle/DisruptionOracle.sol";
import { Errors } from "../../contracts/libraries/Errors.sol";

/// @notice Fuzz properties of the quorum: whatever the reporter set, the quorum and the order of votes,
/// the supplier flips exactly on the M-th distinct vote, never earlier, and a removed reporter's vote
/// never counts.
contract DisruptionOracleQuorumTest is BaseTest {
    address internal constant SUPPLIER = address(0x5EED);

    function _deploy(uint256 n, uint256 m) internal returns (DisruptionOracle oracle, address[] memory reporters) {
        reporters = new address[](n);
        for (uint256 i = 0; i < n; ++i) {
            reporters[i] = address(uint160(0x1000 + i));
        }
        oracle = new DisruptionOracle(address(this), address(this), 1 days, reporters, m);
    }

    function testFuzz_ConfirmsExactlyOnTheQuorumVote(uint256 n, uint256 m, uint256 seed) public {
        n = bound(n, 1, 20);
        m = bound(m, 1, n);
        (DisruptionOracle oracle, address[] memory reporters) = _deploy(n, m);
        vm.warp(1_800_000_000);
        // Vote in a pseudo-random order given by the seed (a rotation plus a stride co-prime-ish to n).
        uint256 start = seed % n;
        for (uint256 k = 0; k < m; ++k) {
            address reporter = reporters[(start + k) % n];
            assertTrue(!oracle.isDisrupted(SUPPLIER), "disrupted before quorum");
            vm.prank(reporter);
            oracle.report(SUPPLIER, true, bytes32(seed), uint64(block.timestamp));
        }
        assertTrue(oracle.isDisrupted(SUPPLIER), "not disrupted at quorum");
        (uint256 votes, ) = oracle.openRound(SUPPLIER);
        assertEq(votes, 0, "round not reset");
        (, , , , uint256 lastId) = oracle.config();
        assertEq(lastId, 1, "one confirmation");
    }

    function testFuzz_RemovedReporterVoteNeverCounts(uint256 n, uint256 seed) public {
        n = bound(n, 3, 20);
        uint256 m = n - 1; // leaves room to remove one reporter without lowering the quorum
        (DisruptionOracle oracle, address[] memory reporters) = _deploy(n, m);
        vm.warp(1_800_000_000);
        uint256 removed = seed % n;
        vm.prank(reporters[removed]);
        oracle.report(SUPPLIER, true, bytes32(0), uint64(block.timestamp));
        oracle.removeReporter(reporters[removed]);
        // m - 1 other reporters are not enough without the removed vote.
        uint256 cast = 0;
        for (uint256 i = 0; i < n && cast < m - 1; ++i) {
            if (i == removed) continue;
            vm.prank(reporters[i]);
            oracle.report(SUPPLIER, true, bytes32(0), uint64(block.timestamp));
            ++cast;
        }
        assertTrue(!oracle.isDisrupted(SUPPLIER), "removed vote counted");
        vm.prank(reporters[removed]);
        vm.expectRevert(abi.encodeWithSelector(Errors.DisruptionOracle_UnknownReporter.selector, reporters[removed]));
        oracle.report(SUPPLIER, true, bytes32(0), uint64(block.timestamp));
    }

    function testFuzz_RefusesObservationsOutsideTheWindow(uint64 observedAt) public {
        (DisruptionOracle oracle, address[] memory reporters) = _deploy(3, 2);
        uint256 nowTs = 1_800_000_000;
        vm.warp(nowTs);
        vm.prank(reporters[0]);
        if (observedAt > nowTs) {
            vm.expectRevert(
                abi.encodeWithSelector(Errors.DisruptionOracle_ObservedInFuture.selector, observedAt, nowTs)
            );
        } else if (observedAt < nowTs - 1 days) {
            vm.expectRevert(
                abi.encodeWithSelector(Errors.DisruptionOracle_StaleReport.selector, observedAt, nowTs - 1 days)
            );
        }
        oracle.report(SUPPLIER, true, bytes32(0), observedAt);
    }
}
