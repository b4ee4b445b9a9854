/**
 * The referral process (移送程序) as a state machine: the forward referral of State Council Decree
 * 310 (《行政执法机关移送涉嫌犯罪案件的规定》, revised 2020), filing supervision (立案监督) under
 * the SPP rules (2019), the criminal process after filing, and the reverse referral (反向衔接).
 * Which agency of a party type may act (the police "at the same level", 同级) is the service's
 * business; this package knows party types and the {@code head} role only.
 */
package org.xianjie.referral.domain.process;
