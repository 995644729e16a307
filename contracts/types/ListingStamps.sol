// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice One component's listings as the failover reads them: for each of its nine positions (0 = the
/// primary, i = the i-th substitute) the minute from which the supplier's accepted listing counts for pool
/// financing, or 0 while the listing is not accepted (pending, declined or left).
///
/// Layout (one storage word, position p at bits 28p .. 28p + 27, bits 252..255 unused):
///
///   255  252 251        224 223   ...    56 55          28 27           0
///   [ ---- ][ position 8  ][   ...        ][ position 1   ][ position 0   ]
///
/// A stamp is a Unix minute (seconds / 60), rounded up, so 28 bits last until the year 2480 and a listing is
/// never eligible earlier than its exact time (at most 59 seconds later).
type ListingStamps is uint256;

using ListingStampsLib for ListingStamps global;

/// @notice Pack and unpack {ListingStamps}; nothing else shifts its bits.
library ListingStampsLib {
    uint256 private constant _BITS = 28;
    uint256 private constant _MASK = 0xfffffff; // (1 << _BITS) - 1

    /// @notice The stamp (Unix minute) of `position`; 0 = not accepted.
    function stampAt(ListingStamps stamps, uint256 position) internal pure returns (uint256) {
        return (ListingStamps.unwrap(stamps) >> (position * _BITS)) & _MASK;
    }

    /// @notice Whether the listing at `position` was accepted and past its notice in Unix minute `minute`
    /// (seconds / 60, rounded down).
    function countsBy(ListingStamps stamps, uint256 position, uint256 minute) internal pure returns (bool counts) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            let stamp := and(shr(mul(position, _BITS), stamps), _MASK)
            counts := and(iszero(iszero(stamp)), iszero(gt(stamp, minute)))
        }
    }

    /// @notice `stamps` with the stamp of `position` set to the first minute at or after Unix second `from`
    /// (`from` = 0 clears it). Requirements: `from` < 2^28 minutes (the year 2480).
    function withEligibleFrom(
        ListingStamps stamps,
        uint256 position,
        uint256 from
    ) internal pure returns (ListingStamps) {
        uint256 shift = position * _BITS;
        // Rounded up, so eligibility never starts before `from`. Callers pass block timestamps plus a notice.
        uint256 stamp = (from + 59) / 60;
        return
            ListingStamps.wrap((ListingStamps.unwrap(stamps) & ~(_MASK << shift)) | ((stamp & _MASK) << shift));
    }

    /// @notice The Unix second from which the listing at `position` counts (0 = not accepted).
    function eligibleFrom(ListingStamps stamps, uint256 position) internal pure returns (uint256) {
        return stampAt(stamps, position) * 60;
    }
}
