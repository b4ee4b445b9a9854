/**
 * The year's figures (年度数据, as the procuratorates' white papers publish them) computed from the
 * record: which act counts in which figure, on whose row, and which date decides the year and the
 * month (按月); a year's figure is the sum of its months.
 */
package org.xianjie.referral.domain.statistics;
