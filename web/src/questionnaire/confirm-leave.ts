import { Modal, type ModalFuncProps } from 'antd';

/*
 * The "leave with unsent changes?" dialog, in a module of its own that the
 * questionnaire fetches after its first paint (questionnaire-page.tsx): antd's
 * Modal, with the dialog and portal code it brings, is not needed to show
 * the first questions.
 */
export function confirmLeave(props: ModalFuncProps): void {
  Modal.confirm(props);
}
