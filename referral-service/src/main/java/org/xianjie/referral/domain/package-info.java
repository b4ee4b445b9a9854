/**
 * Pure domain rules of the referral service (行刑衔接): counting statutory time limits
 * ({@link org.xianjie.referral.domain.time}), criminal filing thresholds that raise supervision
 * leads against 以罚代刑 ({@link org.xianjie.referral.domain.threshold}) and the referral process
 * itself ({@link org.xianjie.referral.domain.process}).
 *
 * <p>No framework code lives here: plain Java 17 plus Jackson for reading the rule data under
 * {@code rules/} on the class path. Everything a jurisdiction may change (holiday calendar, the
 * unit and length of each time limit, thresholds) is data, so operators change it without a release.
 */
package org.xianjie.referral.domain;
