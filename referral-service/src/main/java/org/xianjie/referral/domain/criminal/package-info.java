/**
 * The criminal side of a referral in persons (NIEM-like: subject, charge, arrest, prosecution,
 * court disposition): the suspects (犯罪嫌疑人, persons and companies), their charges under the
 * Criminal Law, each suspect's decisions, and the set-off of administrative fines against the
 * criminal fine (Decree 310 art. 11). Pure rules, no framework code.
 */
package org.xianjie.referral.domain.criminal;
