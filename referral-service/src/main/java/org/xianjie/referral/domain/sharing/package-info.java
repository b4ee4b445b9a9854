/**
 * Information sharing between agencies (信息共享), as pure rules: who a major-case bulletin
 * (重大案件通报) must reach, who a clue (线索通报) addressed to an agency type in a region reaches,
 * when a case counts as major, and who may learn that a shared item exists.
 */
package org.xianjie.referral.domain.sharing;
