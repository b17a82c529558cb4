/**
 * The observatory's campaigns and the structures' responses to them. A campaign collects
 * one data year's answers against one published questionnaire version; a structure's
 * {@code Response} is an aggregate with the whole status model (ADR 20), one guarded,
 * audited transition per action, each publishing an event ({@link ResponseSubmitted},
 * {@link ResponseReturned}, {@link ResponseValidated}, {@link ResponseUnvalidated}).
 * Other modules use {@link Campaigns}, {@link Responses} and the events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaign")
package fr.maillage.campaign;
