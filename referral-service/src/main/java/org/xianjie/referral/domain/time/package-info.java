/**
 * Counting statutory time limits (期间计算) the way Criminal Procedure Law art. 105 does: the
 * starting hour or day is not counted, and a period whose last day is a holiday (节假日) ends on the
 * first working day after it. The working calendar and each limit's length and unit are data.
 */
package org.xianjie.referral.domain.time;
