import { Modal, type ModalFuncProps } from 'antd';

/*
 * The "leave with unsent changes?" dialog, in a module of its own that the
 * questionnaire imports only when the dialog is needed: antd's Modal (and
 * the dialog, form-context and portal code it brings) is about 10 KB gzip
 * the questionnaire's first paint does without.
 */
export function confirmLeave(props: ModalFuncProps): void {
  Modal.confirm(props);
}
