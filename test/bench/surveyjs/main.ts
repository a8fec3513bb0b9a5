import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { Model } from 'survey-core';
// Without web fonts: the bench is offline, and our app uses the system's fonts too.
import 'survey-core/survey-core.fontless.min.css';
import { Survey } from 'survey-react-ui';

/*
 * The bench's SurveyJS page: the converted definition (survey.json, beside
 * this page) rendered by survey-react-ui, on the page named by ?page=. Each
 * question's root is marked data-item, as ours, so one probe counts both.
 */
const json = await (await fetch('./survey.json')).json();
const model = new Model(json);
const page = new URLSearchParams(location.search).get('page');
if (page) {
  const p = model.getPageByName(page);
  if (p) model.currentPage = p;
}
const mark = (
  _: unknown,
  o: { htmlElement: HTMLElement; question?: { name: string }; panel?: { name: string } },
) => {
  const name = o.question?.name ?? o.panel?.name;
  if (name) o.htmlElement.setAttribute('data-item', name);
};
model.onAfterRenderQuestion.add(mark);
const root = document.getElementById('root');
if (root) createRoot(root).render(createElement(Survey, { model }));
