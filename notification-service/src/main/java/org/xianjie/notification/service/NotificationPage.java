package org.xianjie.notification.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.xianjie.notification.persistence.NotificationView;

/** A page of the inbox, newest first; pass {@code nextCursor} as {@code cursor} for the next page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationPage(List<NotificationView> items, String nextCursor, long unread) {}
