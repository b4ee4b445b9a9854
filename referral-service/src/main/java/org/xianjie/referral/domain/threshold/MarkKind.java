package org.xianjie.referral.domain.threshold;

/** Whether a counterfeited registered mark is a goods mark (商品商标) or a service mark (服务商标). */
public enum MarkKind {
    GOODS,
    SERVICE
}
