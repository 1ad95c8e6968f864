"""The permission matrix: what every URL pattern of the project should answer to each role.

Keys are the URL patterns' full routes, as `test_permission_matrix.walk()` joins them (each level's
pattern as written). Values give, for a GET by each role, the answer that role *should* get:

- most routes: {role: answer};
- routes naming one story (they take an article's pk): {"own": …, "own_live": …, "other": …}, each
  {role: answer}. "own" is the user's own draft; "own_live" the user's own published story, its
  latest edits submitted to the Editorial review; "other" a colleague's (a Reporter's) draft in review.
  The anonymous visitor has no stories: for them all three are a colleague's.

The answers, as `test_permission_matrix.outcome()` reads a response:

OK           200
LOGIN        302 to /admin/login/ (not signed in)
DENIED       403, or Wagtail's refusal: 302 to the dashboard (/admin/) with an error message
HOME         302 to the dashboard without an error (the login page, for someone signed in)
NOT_ALLOWED  405: the URL only takes POST (GET is refused before or after the permission check)
NOT_FOUND    404: no such object for this user, or not for the values the test fills in
REDIRECT     any other redirect
ERROR        500

There is no list of tolerated answers: where Copydesk or Wagtail answered otherwise, the view was
fixed (copydesk/desk/admin_overrides.py) or the table says why the answer is right. A status alone
cannot show a listing that includes too much, so the test also reads every body: no role may see a
colleague's draft (Reporters, Contributors) or a document (anyone but Administrators) anywhere.
"""

ROLES = ("anonymous", "contributor", "reporter", "editor", "administrator")
VARIANTS = ("own", "own_live", "other")

OK = "200 ok"
LOGIN = "302 → login"
DENIED = "denied (403 or 302 → dashboard)"
HOME = "302 → dashboard"
NOT_ALLOWED = "405 (POST only)"
NOT_FOUND = "404"
REDIRECT = "302 → elsewhere"
ERROR = "500"


def row(anonymous, contributor, reporter, editor, administrator):
    return dict(zip(ROLES, (anonymous, contributor, reporter, editor, administrator), strict=True))


def story(own, own_live, other):
    return {"own": own, "own_live": own_live, "other": other}


EVERYONE = row(OK, OK, OK, OK, OK)
STAFF = row(LOGIN, OK, OK, OK, OK)  # anyone signed in to the admin
REPORTERS = row(LOGIN, DENIED, OK, OK, OK)
EDITORS = row(LOGIN, DENIED, DENIED, OK, OK)
ADMINISTRATORS = row(LOGIN, DENIED, DENIED, DENIED, OK)
POST_ONLY = row(LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED)
STAFF_NOT_FOUND = row(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND)
NOBODY = row(LOGIN, DENIED, DENIED, DENIED, DENIED)
# A story route that changes or shows the story in the editor: Editors any story, Reporters their
# own, Contributors their own drafts (a published or submitted story has left their hands).
WRITERS_OWN = story(
    own=STAFF,
    own_live=REPORTERS,
    other=EDITORS,
)
EDITORS_ANY = story(own=EDITORS, own_live=EDITORS, other=EDITORS)

MATRIX = {
    # The admin's own pages, open to anyone signed in.
    "admin/": STAFF,
    # Wagtail's page for trying out the admin's 404 template: it answers 200.
    "admin/test404/": STAFF,
    # The admin API behind the choosers; pages are filtered to those the user may explore.
    "admin/api/main/^pages/": STAFF,
    "admin/api/main/^pages/<int:pk>/": row(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK),
    "admin/api/main/^pages/find/": STAFF_NOT_FOUND,
    "admin/api/main/^pages/<int:pk>/action/<str:action_name>/": POST_ONLY,
    # Documents are listed only to those who may choose them (copydesk/desk/documents.py).
    "admin/api/main/^documents/": STAFF,
    "admin/api/main/^documents/<int:pk>/": row(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK),
    "admin/api/main/^documents/find/": STAFF_NOT_FOUND,
    "admin/api/main/^images/": STAFF,
    "admin/api/main/^images/<int:pk>/": STAFF,
    "admin/api/main/^images/find/": STAFF_NOT_FOUND,
    # Wagtail's deliberate error, for trying out the 500 page.
    "admin/failwhale/": row(LOGIN, ERROR, ERROR, ERROR, ERROR),
    # The page tree: Copydesk publishes no Wagtail pages (the explorer is hidden), so only
    # Administrators (superusers) may open it. The test uses the default "Welcome" page.
    "admin/pages/": ADMINISTRATORS,
    "admin/pages/<int:parent_page_id>/": ADMINISTRATORS,
    "admin/pages/<int:parent_page_id>/results/": ADMINISTRATORS,
    # Asked as "delete newsroom/article ?id=<the story>": deleting stories is the Editors', and the
    # confirmation page (which names the stories) too.
    "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/": EDITORS_ANY,
    # The base Page type cannot be created, not even by an Administrator.
    "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/": NOBODY,
    "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/preview/": NOBODY,
    "admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/": ADMINISTRATORS,
    "admin/pages/create/<slug:app_label>/<slug:model_name>": ADMINISTRATORS,
    "admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/results/": ADMINISTRATORS,
    "admin/pages/<int:page_id>/usage/": ADMINISTRATORS,
    "admin/pages/<int:page_id>/edit/": ADMINISTRATORS,
    "admin/pages/<int:page_id>/edit/preview/": ADMINISTRATORS,
    "admin/pages/<int:page_id>/view_draft/": ADMINISTRATORS,
    "admin/pages/<int:parent_page_id>/add_subpage/": NOBODY,
    "admin/pages/<int:page_id>/delete/": ADMINISTRATORS,
    "admin/pages/<int:page_id>/unpublish/": ADMINISTRATORS,
    "admin/pages/<int:page_id>/convert_alias/": STAFF_NOT_FOUND,
    "admin/pages/search/": ADMINISTRATORS,
    "admin/pages/search/results/": ADMINISTRATORS,
    "admin/pages/<int:page_to_move_id>/move/": ADMINISTRATORS,
    "admin/pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/": ADMINISTRATORS,
    "admin/pages/<int:page_to_move_id>/set_position/": POST_ONLY,
    "admin/pages/<int:page_id>/copy/": ADMINISTRATORS,
    # The page is in no workflow: the test can only ask with an unknown task state.
    "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/": STAFF_NOT_FOUND,
    "admin/pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/<int:task_state_id>/": STAFF_NOT_FOUND,
    "admin/pages/workflow/confirm_cancellation/<int:page_id>/": ADMINISTRATORS,
    "admin/pages/workflow/preview/<int:page_id>/<int:task_id>/": NOBODY,
    "admin/pages/<int:page_id>/privacy/": ADMINISTRATORS,
    "admin/pages/<int:page_id>/lock/": POST_ONLY,
    "admin/pages/<int:page_id>/unlock/": POST_ONLY,
    "admin/pages/<int:page_id>/revisions/": row(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/view/": ADMINISTRATORS,
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/revert/": ADMINISTRATORS,
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/unschedule/": ADMINISTRATORS,
    "admin/pages/^(?P<pk>\\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\\d+)\\.\\.\\.(?P<revision_id_b>live|latest|\\d+)/$": ADMINISTRATORS,
    "admin/pages/<int:page_id>/workflow_history/": ADMINISTRATORS,
    "admin/pages/<int:page_id>/workflow_history/detail/<int:workflow_state_id>/": row(
        LOGIN, DENIED, DENIED, DENIED, NOT_FOUND
    ),
    "admin/pages/<int:page_id>/history/": ADMINISTRATORS,
    "admin/pages/<int:page_id>/history/results/": ADMINISTRATORS,
    # Choosers and helpers every writer uses (links in the body, tags).
    "admin/choose-page/": STAFF,
    "admin/choose-page/<int:parent_page_id>/": STAFF,
    "admin/choose-page/search/": STAFF,
    "admin/choose-page/chosen-multiple/": STAFF,
    "admin/choose-external-link/": STAFF,
    "admin/choose-email-link/": STAFF,
    "admin/choose-phone-link/": STAFF,
    "admin/choose-anchor-link/": STAFF,
    "admin/tag-autocomplete/": STAFF,
    "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/": STAFF,
    # Image collections: the Administrator's (Wagtail hides those you may not manage with a 404).
    "admin/collections/": ADMINISTRATORS,
    "admin/collections/add/": ADMINISTRATORS,
    "admin/collections/<int:pk>/": ADMINISTRATORS,
    "admin/collections/<int:pk>/delete/": row(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK),
    "admin/collections/<int:collection_id>/privacy/": ADMINISTRATORS,
    # Workflows are the Administrator's.
    "admin/workflows/list/": ADMINISTRATORS,
    "admin/workflows/list/results/": ADMINISTRATORS,
    "admin/workflows/add/": ADMINISTRATORS,
    "admin/workflows/enable/<int:pk>/": POST_ONLY,
    "admin/workflows/disable/<int:pk>/": ADMINISTRATORS,
    # Sites: Copydesk keeps Wagtail's one default site; only Administrators manage it.
    "admin/sites/": ADMINISTRATORS,
    "admin/sites/results/": ADMINISTRATORS,
    "admin/sites/new/": ADMINISTRATORS,
    "admin/sites/edit/<int:pk>/": ADMINISTRATORS,
    "admin/sites/copy/<int:pk>/": ADMINISTRATORS,
    "admin/sites/delete/<int:pk>/": ADMINISTRATORS,
    "admin/sites/history/<int:pk>/": ADMINISTRATORS,
    "admin/sites/history-results/<int:pk>/": ADMINISTRATORS,
    "admin/sites/usage/<int:pk>/": ADMINISTRATORS,
    # Documents are staff papers: served only to those who may choose them (Administrators).
    "documents/^(\\d+)/(.*)$": row(LOGIN, DENIED, DENIED, DENIED, OK),
    # Copydesk keeps no password-protected collections: there is no restriction to answer for.
    "documents/authenticate_with_password/<int:restriction_id>/": row(
        NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND
    ),
    "admin/workflows/edit/<int:pk>/": ADMINISTRATORS,
    "admin/workflows/usage/<int:pk>/": ADMINISTRATORS,
    "admin/workflows/usage/<int:pk>/results/": ADMINISTRATORS,
    "admin/workflows/remove/<int:page_pk>/": POST_ONLY,
    "admin/workflows/remove/<int:page_pk>/<int:workflow_pk>/": POST_ONLY,
    "admin/workflows/tasks/add/<str:app_label>/<str:model_name>/": ADMINISTRATORS,
    "admin/workflows/tasks/select_type/": row(LOGIN, DENIED, DENIED, DENIED, REDIRECT),
    "admin/workflows/tasks/index/": ADMINISTRATORS,
    "admin/workflows/tasks/index/results/": ADMINISTRATORS,
    "admin/workflows/tasks/edit/<int:pk>/": ADMINISTRATORS,
    "admin/workflows/tasks/disable/<int:pk>/": ADMINISTRATORS,
    "admin/workflows/tasks/enable/<int:pk>/": POST_ONLY,
    "admin/workflows/task_chooser/": ADMINISTRATORS,
    "admin/workflows/task_chooser/results/": ADMINISTRATORS,
    "admin/workflows/task_chooser/create/": ADMINISTRATORS,
    "admin/workflows/task_chooser/<int:task_id>/": ADMINISTRATORS,
    # Reports. The site history is the newsroom's audit log: Editors hold view_modellogentry for it.
    "admin/reports/locked/": ADMINISTRATORS,
    "admin/reports/locked/results/": ADMINISTRATORS,
    "admin/reports/workflow/": ADMINISTRATORS,
    "admin/reports/workflow/results/": ADMINISTRATORS,
    "admin/reports/workflow_tasks/": ADMINISTRATORS,
    "admin/reports/workflow_tasks/results/": ADMINISTRATORS,
    "admin/reports/site-history/": EDITORS,
    "admin/reports/site-history/results/": EDITORS,
    "admin/reports/aging-pages/": ADMINISTRATORS,
    "admin/reports/aging-pages/results/": ADMINISTRATORS,
    "admin/reports/page-types-usage/": ADMINISTRATORS,
    "admin/reports/page-types-usage/results/": ADMINISTRATORS,
    # The user's own account; logout is POST only (Wagtail drops the session cookie even on a GET).
    "admin/account/": STAFF,
    "admin/logout/": POST_ONLY,
    "admin/dismissibles/": STAFF,
    # Concurrent-editing notices, POST only.
    "admin/editing-sessions/ping/<str:app_label>/<str:model_name>/<str:object_id>/<int:session_id>/": POST_ONLY,
    "admin/editing-sessions/release/<int:session_id>/": POST_ONLY,
    "admin/block-preview/": STAFF_NOT_FOUND,
    # Our desk views. Republishing a partner's article is part of the wire desk.
    "admin/wire/republish/": EDITORS,
    # Background tasks that gave up (copydesk/background): Administrators only; Retry and Dismiss are POSTs.
    "admin/tasks/failed/": ADMINISTRATORS,
    "admin/tasks/failed/<int:pk>/retry/": POST_ONLY,
    "admin/tasks/failed/<int:pk>/dismiss/": POST_ONLY,
    "admin/stories/<int:pk>/withdraw/": EDITORS_ANY,
    "admin/stories/<int:pk>/correct/": EDITORS_ANY,
    "admin/snippets/": STAFF,
    # Documents: Copydesk keeps none; only Administrators may manage them.
    "admin/documents/": ADMINISTRATORS,
    "admin/documents/results/": ADMINISTRATORS,
    "admin/documents/add/": ADMINISTRATORS,
    "admin/documents/edit/<int:document_id>/": ADMINISTRATORS,
    "admin/documents/delete/<int:document_id>/": ADMINISTRATORS,
    "admin/documents/multiple/add/": ADMINISTRATORS,
    "admin/documents/multiple/<int:doc_id>/": POST_ONLY,
    "admin/documents/multiple/create_from_uploaded_document/<int:uploaded_file_id>/": POST_ONLY,
    "admin/documents/multiple/<int:doc_id>/delete/": POST_ONLY,
    "admin/documents/multiple/delete_upload/<int:uploaded_file_id>/": POST_ONLY,
    "admin/documents/usage/<int:document_id>/": ADMINISTRATORS,
    # Images: every role may upload and choose them; Editors may also change them; deleting is the
    # Administrator's (IMAGE_PERMISSIONS). generate_url needs Wagtail's image serve view, not routed.
    "admin/images/": STAFF,
    "admin/images/results/": STAFF,
    "admin/images/<int:image_id>/": EDITORS,
    "admin/images/<int:image_id>/delete/": ADMINISTRATORS,
    "admin/images/<int:image_id>/generate_url/": STAFF_NOT_FOUND,
    "admin/images/<int:image_id>/generate_url/output/": STAFF_NOT_FOUND,
    "admin/images/<int:image_id>/preview/<str:filter_spec>/": EDITORS,
    "admin/images/add/": STAFF,
    "admin/images/usage/<int:image_id>/": EDITORS,
    "admin/images/multiple/add/": STAFF,
    "admin/images/multiple/<int:image_id>/": POST_ONLY,
    "admin/images/multiple/create_from_uploaded_image/<int:uploaded_file_id>/": POST_ONLY,
    # Deleting an image (here on a GET) is refused to all but Administrators before the method check.
    "admin/images/multiple/<int:image_id>/delete/": row(LOGIN, DENIED, DENIED, DENIED, NOT_ALLOWED),
    "admin/images/multiple/delete_upload/<int:uploaded_file_id>/": POST_ONLY,
    # Stories. The listing shows Reporters and Contributors their own only.
    "admin/snippets/newsroom/article/": STAFF,
    "admin/snippets/newsroom/article/results/": STAFF,
    "admin/snippets/newsroom/article/add/": STAFF,
    "admin/snippets/newsroom/article/edit/<int:pk>/": WRITERS_OWN,
    "admin/snippets/newsroom/article/delete/<int:pk>/": EDITORS_ANY,
    "admin/snippets/newsroom/article/usage/<int:pk>/": WRITERS_OWN,
    "admin/snippets/newsroom/article/history/<int:pk>/": WRITERS_OWN,
    "admin/snippets/newsroom/article/history-results/<int:pk>/": WRITERS_OWN,
    "admin/snippets/newsroom/article/copy/<int:pk>/": WRITERS_OWN,
    "admin/snippets/newsroom/article/preview/": STAFF,
    "admin/snippets/newsroom/article/preview/<int:pk>/": WRITERS_OWN,
    "admin/snippets/newsroom/article/history/<int:pk>/revisions/<int:revision_id>/view/": WRITERS_OWN,
    "admin/snippets/newsroom/article/history/<int:pk>/revisions/<int:revision_id>/revert/": WRITERS_OWN,
    "admin/snippets/newsroom/article/history/(?P<pk>.+)/revisions/compare/(?P<revision_id_a>live|earliest|\\d+)\\.\\.\\.(?P<revision_id_b>live|latest|\\d+)/$": WRITERS_OWN,
    "admin/snippets/newsroom/article/history/<int:pk>/revisions/<int:revision_id>/unschedule/": EDITORS_ANY,
    "admin/snippets/newsroom/article/unpublish/<int:pk>/": EDITORS_ANY,
    # Lock: Reporters and Editors, on stories they may change; unlock: Editors (and whoever locked it).
    # A story in the Editors' review (own_live, other) is the review task's to lock and unlock
    # (Wagtail's GroupApprovalTask): a Reporter cannot lock their story while Editors review it, and
    # unlocking happens by finishing or cancelling the review, not by the unlock button.
    "admin/snippets/newsroom/article/lock/<int:pk>/": story(
        own=row(LOGIN, DENIED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
        own_live=row(LOGIN, DENIED, DENIED, NOT_ALLOWED, NOT_ALLOWED),
        other=row(LOGIN, DENIED, DENIED, NOT_ALLOWED, NOT_ALLOWED),
    ),
    "admin/snippets/newsroom/article/unlock/<int:pk>/": story(
        own=row(LOGIN, DENIED, DENIED, NOT_ALLOWED, NOT_ALLOWED),
        own_live=row(LOGIN, DENIED, DENIED, DENIED, NOT_ALLOWED),
        other=row(LOGIN, DENIED, DENIED, DENIED, NOT_ALLOWED),
    ),
    # Review actions are the Editors'. The own draft is in no review, so the test can only ask with an
    # unknown task state.
    "admin/snippets/newsroom/article/workflow/action/<int:pk>/<slug:action_name>/<int:task_state_id>/": story(
        own=STAFF_NOT_FOUND,
        own_live=EDITORS,
        other=EDITORS,
    ),
    "admin/snippets/newsroom/article/workflow/collect_action_data/<int:pk>/<slug:action_name>/<int:task_state_id>/": story(
        own=STAFF_NOT_FOUND,
        own_live=EDITORS,
        other=EDITORS,
    ),
    "admin/snippets/newsroom/article/workflow/confirm_cancellation/<int:pk>/": WRITERS_OWN,
    "admin/snippets/newsroom/article/workflow_history/<int:pk>/": WRITERS_OWN,
    "admin/snippets/newsroom/article/workflow_history/<int:pk>/detail/<int:workflow_state_id>/": story(
        own=STAFF_NOT_FOUND,
        own_live=REPORTERS,
        other=EDITORS,
    ),
    "admin/snippets/newsroom/article/workflow/preview/<int:pk>/<int:task_id>/": story(
        own=NOBODY,
        own_live=EDITORS,
        other=EDITORS,
    ),
    # The story chooser: only stories the user may see (their own, for Reporters and Contributors).
    "admin/snippets/choose/newsroom/article/": STAFF,
    "admin/snippets/choose/newsroom/article/results/": STAFF,
    # A colleague's story is not found by a writer, exactly as if it did not exist.
    "admin/snippets/choose/newsroom/article/chosen/<str:pk>/": story(
        own=STAFF,
        own_live=STAFF,
        other=row(LOGIN, NOT_FOUND, NOT_FOUND, OK, OK),
    ),
    # Asked with ?id=<the story>: answers 200 to everyone, listing only the stories the user may see.
    "admin/snippets/choose/newsroom/article/chosen-multiple/": story(own=STAFF, own_live=STAFF, other=STAFF),
    "admin/snippets/choose/newsroom/article/create/": STAFF,
    # Authors and sections: Reporters may look them up, Editors add and change them, only
    # Administrators delete them. Everyone can choose them for a story.
    "admin/snippets/newsroom/author/": REPORTERS,
    "admin/snippets/newsroom/author/results/": REPORTERS,
    "admin/snippets/newsroom/author/add/": EDITORS,
    "admin/snippets/newsroom/author/edit/<int:pk>/": EDITORS,
    "admin/snippets/newsroom/author/delete/<int:pk>/": ADMINISTRATORS,
    "admin/snippets/newsroom/author/usage/<int:pk>/": EDITORS,
    "admin/snippets/newsroom/author/history/<int:pk>/": EDITORS,
    "admin/snippets/newsroom/author/history-results/<int:pk>/": EDITORS,
    "admin/snippets/newsroom/author/copy/<int:pk>/": EDITORS,
    "admin/snippets/choose/newsroom/author/": STAFF,
    "admin/snippets/choose/newsroom/author/results/": STAFF,
    "admin/snippets/choose/newsroom/author/chosen/<str:pk>/": STAFF,
    "admin/snippets/choose/newsroom/author/chosen-multiple/": STAFF,
    "admin/snippets/choose/newsroom/author/create/": EDITORS,
    "admin/snippets/newsroom/section/": REPORTERS,
    "admin/snippets/newsroom/section/results/": REPORTERS,
    "admin/snippets/newsroom/section/add/": EDITORS,
    "admin/snippets/newsroom/section/edit/<int:pk>/": EDITORS,
    "admin/snippets/newsroom/section/delete/<int:pk>/": ADMINISTRATORS,
    "admin/snippets/newsroom/section/usage/<int:pk>/": EDITORS,
    "admin/snippets/newsroom/section/history/<int:pk>/": EDITORS,
    "admin/snippets/newsroom/section/history-results/<int:pk>/": EDITORS,
    "admin/snippets/newsroom/section/copy/<int:pk>/": EDITORS,
    "admin/snippets/choose/newsroom/section/": STAFF,
    "admin/snippets/choose/newsroom/section/results/": STAFF,
    "admin/snippets/choose/newsroom/section/chosen/<str:pk>/": STAFF,
    "admin/snippets/choose/newsroom/section/chosen-multiple/": STAFF,
    "admin/snippets/choose/newsroom/section/create/": EDITORS,
    # Agencies: the Editors' (everyone can choose one for a story).
    "admin/snippets/newsroom/agency/": EDITORS,
    "admin/snippets/newsroom/agency/results/": EDITORS,
    "admin/snippets/newsroom/agency/add/": EDITORS,
    "admin/snippets/newsroom/agency/edit/<int:pk>/": EDITORS,
    "admin/snippets/newsroom/agency/delete/<int:pk>/": ADMINISTRATORS,
    "admin/snippets/newsroom/agency/usage/<int:pk>/": EDITORS,
    "admin/snippets/newsroom/agency/history/<int:pk>/": EDITORS,
    "admin/snippets/newsroom/agency/history-results/<int:pk>/": EDITORS,
    "admin/snippets/newsroom/agency/copy/<int:pk>/": EDITORS,
    "admin/snippets/choose/newsroom/agency/": STAFF,
    "admin/snippets/choose/newsroom/agency/results/": STAFF,
    "admin/snippets/choose/newsroom/agency/chosen/<str:pk>/": STAFF,
    "admin/snippets/choose/newsroom/agency/chosen-multiple/": STAFF,
    "admin/snippets/choose/newsroom/agency/create/": EDITORS,
    # The wire desk: Editors only. Its actions are POSTs (see test_desk_actions_…).
    "admin/wire/queue/": EDITORS,
    "admin/wire/queue/results/": EDITORS,
    "admin/wire/queue/inspect/<int:pk>/": EDITORS,
    "admin/wire/queue/action/<int:pk>/<slug:verb>/": POST_ONLY,
    "admin/wire/queue/lead/<int:pk>/<int:media_pk>/": POST_ONLY,
    "admin/wire/queue/lead-media/<int:pk>/<int:media_pk>/": POST_ONLY,
    "admin/wire/queue/lead-media/<int:pk>/remove/": POST_ONLY,
    "admin/agencymedia/": EDITORS,
    "admin/agencymedia/results/": EDITORS,
    "admin/agencymedia/inspect/<int:pk>/": EDITORS,
    "admin/source/": EDITORS,
    "admin/source/results/": EDITORS,
    "admin/source/new/": EDITORS,
    "admin/source/edit/<int:pk>/": EDITORS,
    "admin/source/fidelity/<int:pk>/": EDITORS,
    "admin/source/delete/<int:pk>/": ADMINISTRATORS,
    "admin/source/history/<int:pk>/": EDITORS,
    "admin/source/history-results/<int:pk>/": EDITORS,
    "admin/source/usage/<int:pk>/": EDITORS,
    "admin/delivery/": EDITORS,
    "admin/delivery/results/": EDITORS,
    "admin/delivery/inspect/<int:pk>/": EDITORS,
    "admin/rejection/": EDITORS,
    "admin/rejection/results/": EDITORS,
    "admin/rejection/inspect/<int:pk>/": EDITORS,
    # What a WordPress import left for editors (set-aside items, old addresses): Editors, read-only.
    "admin/wordpress/set-aside/": EDITORS,
    "admin/wordpress/set-aside/results/": EDITORS,
    "admin/wordpress/set-aside/inspect/<int:pk>/": EDITORS,
    "admin/wordpress/redirects/": EDITORS,
    "admin/wordpress/redirects/results/": EDITORS,
    "admin/wordpress/redirects/inspect/<int:pk>/": EDITORS,
    # Users and roles: Administrators only.
    "admin/users/": ADMINISTRATORS,
    "admin/users/results/": ADMINISTRATORS,
    "admin/users/new/": ADMINISTRATORS,
    "admin/users/edit/<int:pk>/": ADMINISTRATORS,
    "admin/users/delete/<int:pk>/": ADMINISTRATORS,
    "admin/users/history/<int:pk>/": ADMINISTRATORS,
    "admin/users/history-results/<int:pk>/": ADMINISTRATORS,
    "admin/users/usage/<int:pk>/": ADMINISTRATORS,
    "admin/users/copy/<int:pk>/": ADMINISTRATORS,
    "admin/groups/": ADMINISTRATORS,
    "admin/groups/results/": ADMINISTRATORS,
    "admin/groups/new/": ADMINISTRATORS,
    "admin/groups/edit/<int:pk>/": ADMINISTRATORS,
    "admin/groups/delete/<int:pk>/": ADMINISTRATORS,
    "admin/groups/history/<int:pk>/": ADMINISTRATORS,
    "admin/groups/history-results/<int:pk>/": ADMINISTRATORS,
    "admin/groups/usage/<int:pk>/": ADMINISTRATORS,
    # Choosers: a document chooser lists only what the user may choose.
    "admin/documents/chooser/": STAFF,
    "admin/documents/chooser/results/": STAFF,
    "admin/documents/chooser/chosen/<str:pk>/": ADMINISTRATORS,
    "admin/documents/chooser/chosen-multiple/": STAFF,
    "admin/documents/chooser/create/": ADMINISTRATORS,
    "admin/images/chooser/": STAFF,
    "admin/images/chooser/results/": STAFF,
    "admin/images/chooser/chosen/<str:pk>/": STAFF,
    "admin/images/chooser/chosen-multiple/": STAFF,
    "admin/images/chooser/create/": STAFF,
    "admin/images/chooser/<int:image_id>/select_format/": STAFF,
    # Outside the admin's login: sign-in, password reset, icons, translations.
    "admin/sprite/": EVERYONE,
    # Someone already signed in is sent to the dashboard.
    "admin/login/": row(OK, HOME, HOME, HOME, HOME),
    "admin/password_reset/": EVERYONE,
    "admin/password_reset/done/": EVERYONE,
    "admin/password_reset/confirm/<uidb64>/<token>/": EVERYONE,
    "admin/password_reset/complete/": EVERYONE,
    "admin/jsi18n/": EVERYONE,
    # The admin's catch-all 404 (asked as /admin/no-such-admin-page/).
    "admin/^.*/$": STAFF_NOT_FOUND,
    # Uploaded files, and the public site: open to all.
    # Uploaded images (documents never: they go through /documents/ above; agency video and
    # audio never: they go through av/ below, which checks the story is live).
    "^media/(?!documents/|agency-media/)(?P<path>.*)$": EVERYONE,
    # An agency clip, only while it leads a live story: none does in the matrix's data.
    "av/<int:pk>/<str:name>": row(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    "": EVERYONE,
    "corrections/": EVERYONE,
    "authors/<slug:slug>/": EVERYONE,
    "tags/<str:slug>/": EVERYONE,
    "<slug:slug>/": EVERYONE,
    "<slug:section_slug>/<str:slug>/": EVERYONE,
    # Search (open to all, like every reader page).
    "search/": EVERYONE,
    # Feeds, sitemaps and robots.txt (open to all).
    "feeds/rss.xml": EVERYONE,
    "feeds/atom.xml": EVERYONE,
    "feeds/feed.json": EVERYONE,
    "feeds/sections/<slug:slug>/rss.xml": EVERYONE,
    "feeds/sections/<slug:slug>/atom.xml": EVERYONE,
    "feeds/sections/<slug:slug>/feed.json": EVERYONE,
    "feeds/authors/<slug:slug>/rss.xml": EVERYONE,
    "feeds/authors/<slug:slug>/atom.xml": EVERYONE,
    "feeds/authors/<slug:slug>/feed.json": EVERYONE,
    "feeds/tags/<str:slug>/rss.xml": EVERYONE,
    "feeds/tags/<str:slug>/atom.xml": EVERYONE,
    "feeds/tags/<str:slug>/feed.json": EVERYONE,
    "sitemap.xml": EVERYONE,
    "sitemaps/news.xml": EVERYONE,
    "sitemaps/<str:section>.xml": EVERYONE,
    "robots.txt": EVERYONE,
}
